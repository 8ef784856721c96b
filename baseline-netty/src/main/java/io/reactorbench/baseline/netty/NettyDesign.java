package io.reactorbench.baseline.netty;

import io.reactorbench.wire.app.ServerSession;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.util.Set;

/** A Netty design: {@link NettyServer} on one {@link NettyTransport}. */
public abstract class NettyDesign implements ServerDesign {

    private final NettyTransport transport;

    NettyDesign(NettyTransport transport) {
        this.transport = transport;
    }

    @Override
    public String id() {
        return "netty-" + transport.name().replace("_", "");
    }

    @Override
    public String description() {
        return "Netty 4.2 " + transport.name() + " transport (MultiThreadIoEventLoopGroup: 1 boss loop + N worker loops),"
                + " PooledByteBufAllocator direct buffers, write during read + one flush per read batch,"
                + " water mark 32/64 KiB; run the JVM with --sun-misc-unsafe-memory-access=allow";
    }

    @Override
    public Availability availability() {
        return transport.availability().get();
    }

    /** Every Netty 4.2 transport has a Unix-domain server channel (NIO's on JDK 16+) and a datagram channel. */
    @Override
    public Set<Transport> transports() {
        return Set.of(Transport.TCP, Transport.UDP, Transport.UNIX);
    }

    /**
     * {@code reuse-port=true}: SO_REUSEPORT on the listening channel (on every datagram channel over udp), so other
     * processes can bind the same port.
     */
    @Override
    public Set<String> supportedOptions() {
        return Set.of(ServerConfig.REUSE_PORT);
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        ServerDesigns.checkOptions(this, config);
        ServerDesigns.checkTransport(this, config);
        Availability availability = availability();
        if (!availability.available()) {
            throw new IllegalStateException(id() + " is unavailable: " + availability.cause());
        }
        if (config.transport() == Transport.UDP) {
            return NettyDatagramServer.start(config, transport);
        }
        return NettyServer.start(config, transport, () -> ServerSession.create(config.app()));
    }
}
