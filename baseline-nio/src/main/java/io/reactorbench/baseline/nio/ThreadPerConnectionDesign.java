package io.reactorbench.baseline.nio;

import io.reactorbench.wire.app.ServerSession;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * A thread-per-connection design: what differs between {@code threads} and {@code vthreads} is only the
 * factory of the threads that run the acceptor and each connection.
 */
public abstract class ThreadPerConnectionDesign implements ServerDesign {

    private final String id;
    private final String description;
    private final Supplier<ThreadFactory> threadFactories;

    protected ThreadPerConnectionDesign(String id, String description, Supplier<ThreadFactory> threadFactories) {
        this.id = id;
        this.description = description;
        this.threadFactories = threadFactories;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Availability availability() {
        return Availability.ok();
    }

    /** {@code reuse-port=true}: SO_REUSEPORT on the listener, so other processes can bind the same port. */
    @Override
    public Set<String> supportedOptions() {
        return Set.of(ServerConfig.REUSE_PORT);
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        ServerDesigns.checkOptions(this, config);
        // config.loops() is ignored: the number of threads is the number of connections.
        return ThreadPerConnectionServer.start(config, threadFactories.get(), () -> ServerSession.create(config.app()));
    }
}
