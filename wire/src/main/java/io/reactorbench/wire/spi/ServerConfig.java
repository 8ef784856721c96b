package io.reactorbench.wire.spi;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one server design.
 *
 * @param host    address to bind (loopback by default)
 * @param port    port to bind; 0 picks a free one (read it back from {@link RunningServer#address()})
 * @param loops   event loops (reactor designs) or acceptor/worker threads hint; 0 means the design's default
 *                (for reactors: available processors)
 * @param app     the workload to serve
 * @param options design-specific options, e.g. {@code lb=round-robin}, {@code reuse-port=true},
 *                {@code edge-triggered=true}; a design rejects keys it does not know (see
 *                {@link ServerDesign#supportedOptions()})
 * @param transport what to listen on: TCP or UDP at host:port, or a Unix-domain socket at {@code unixPath}
 *                  (see {@link ServerDesign#transports()})
 * @param unixPath  the socket file for {@link Transport#UNIX} (must not exist yet; removed on stop), else null
 */
public record ServerConfig(String host, int port, int loops, App app, Map<String, String> options,
        Transport transport, Path unixPath) {

    /**
     * The option that asks for SO_REUSEPORT on the listening socket(s), so that other processes can bind the same port
     * (see {@link ServerDesign#sharesPort()}); {@code serve --reuse-port} sets it.
     */
    public static final String REUSE_PORT = "reuse-port";

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(transport, "transport");
        options = Map.copyOf(options);
        if ((transport == Transport.UNIX) != (unixPath != null)) {
            throw new IllegalArgumentException("a socket path is given for the unix transport, and only for it");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0..65535");
        }
        if (loops < 0) {
            throw new IllegalArgumentException("loops must be >= 0, got " + loops);
        }
    }

    /** A TCP server at host:port. */
    public ServerConfig(String host, int port, int loops, App app, Map<String, String> options) {
        this(host, port, loops, app, options, Transport.TCP, null);
    }

    public static ServerConfig of(App app) {
        return new ServerConfig("127.0.0.1", 0, 0, app, Map.of());
    }

    public ServerConfig withLoops(int newLoops) {
        return new ServerConfig(host, port, newLoops, app, options, transport, unixPath);
    }

    public ServerConfig withOptions(Map<String, String> newOptions) {
        return new ServerConfig(host, port, loops, app, newOptions, transport, unixPath);
    }

    /** The same server on UDP at this host and port. */
    public ServerConfig withUdp() {
        return new ServerConfig(host, port, loops, app, options, Transport.UDP, null);
    }

    /** The same server on a Unix-domain socket at {@code path} (host and port are then unused). */
    public ServerConfig withUnixPath(Path path) {
        return new ServerConfig(host, port, loops, app, options, Transport.UNIX, path);
    }

    /** Where to bind: an {@link InetSocketAddress} for TCP and UDP, a {@link UnixDomainSocketAddress} for unix. */
    public SocketAddress bindAddress() {
        return transport == Transport.UNIX ? UnixDomainSocketAddress.of(unixPath) : new InetSocketAddress(host, port);
    }

    /** The loops to use: the configured number, or available processors when 0. */
    public int effectiveLoops() {
        return loops > 0 ? loops : Runtime.getRuntime().availableProcessors();
    }

    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(options.getOrDefault(key, "false"));
    }
}
