package io.reactorbench.loadgen;

import io.reactorbench.wire.spi.Transport;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Objects;

/**
 * One destination of the load: a TCP or UDP {@code host:port}, or a Unix-domain socket's path. Written as
 * {@code serve} prints it after READY: {@code 127.0.0.1:8080}, {@code udp:127.0.0.1:8080}, {@code unix:/path}.
 */
public record Target(Transport transport, SocketAddress address) {

    public Target {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        if ((transport == Transport.UNIX) != (address instanceof UnixDomainSocketAddress)
                || (transport != Transport.UNIX && !(address instanceof InetSocketAddress))) {
            throw new IllegalArgumentException("a " + transport.id() + " target cannot be " + address);
        }
    }

    public static Target tcp(InetSocketAddress address) {
        return new Target(Transport.TCP, address);
    }

    /** The IP address and port; only for TCP and UDP targets. */
    public InetSocketAddress inet() {
        return (InetSocketAddress) address;
    }

    /** Whether it stays on this machine: a loopback address, or any Unix-domain socket. */
    public boolean isLocal() {
        return transport == Transport.UNIX || Endpoints.isLoopback(inet().getAddress());
    }

    /** As written on the command line and in load.json's {@code params.targets}. */
    public String text() {
        return transport.format(address);
    }

    @Override
    public String toString() {
        return text();
    }
}
