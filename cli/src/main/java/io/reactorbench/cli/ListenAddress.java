package io.reactorbench.cli;

import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.HostPort;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.Transport;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code serve --listen}: {@code tcp:HOST:PORT} (or plain {@code HOST:PORT}), {@code udp:HOST:PORT} or
 * {@code unix:PATH}, parsed once into what the {@link ServerConfig} needs. A relative socket path is made absolute,
 * so that READY names a path any other process can connect to.
 */
record ListenAddress(Transport transport, String host, int port, Path unixPath) {

    static ListenAddress parse(String text) {
        Transport transport = Transport.ofAddress(text);
        String rest = Transport.stripPrefix(text);
        if (transport == Transport.UNIX) {
            if (rest.isBlank()) {
                throw new UserError("bad --listen '" + text + "' (expected unix:PATH)");
            }
            return new ListenAddress(transport, null, 0, Path.of(rest).toAbsolutePath().normalize());
        }
        HostPort parsed;
        try {
            parsed = HostPort.parse(rest);
        } catch (IllegalArgumentException e) {
            throw new UserError("bad --listen '" + text + "' (" + e.getMessage()
                    + "; --listen takes tcp:HOST:PORT, udp:HOST:PORT or unix:PATH)");
        }
        return new ListenAddress(transport, parsed.host(), parsed.port(), null);
    }

    static ListenAddress tcp(String host, int port) {
        return new ListenAddress(Transport.TCP, host, port, null);
    }

    ServerConfig serverConfig(int loops, App app, Map<String, String> options) {
        ServerConfig tcp = new ServerConfig(transport == Transport.UNIX ? "127.0.0.1" : host,
                transport == Transport.UNIX ? 0 : port, loops, app, options);
        return switch (transport) {
            case TCP -> tcp;
            case UDP -> tcp.withUdp();
            case UNIX -> tcp.withUnixPath(unixPath);
        };
    }
}
