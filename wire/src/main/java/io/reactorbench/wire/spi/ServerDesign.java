package io.reactorbench.wire.spi;

import java.io.IOException;
import java.util.Set;

/**
 * One server design under test (e.g. {@code netty-epoll}, {@code vthreads}, {@code engine-epoll}).
 * Implementations have a public no-argument constructor and are listed in
 * {@code META-INF/services/io.reactorbench.wire.spi.ServerDesign}; find them with {@link ServerDesigns}.
 */
public interface ServerDesign {

    /** Stable id used by the CLI, suite files and reports, e.g. {@code netty-epoll}. */
    String id();

    /** One line: the design and its configuration (allocator, threads, transport). */
    String description();

    /** Whether it can run here; cheap enough to call from {@code reactorbench servers}. */
    Availability availability();

    /** Option keys accepted in {@link ServerConfig#options()}; anything else is rejected by {@link #start}. */
    default Set<String> supportedOptions() {
        return Set.of();
    }

    /** The transports it can listen on; anything else is rejected by {@link #start} ({@link ServerDesigns#checkTransport}). */
    default Set<Transport> transports() {
        return Set.of(Transport.TCP);
    }

    /**
     * Whether its TCP listening socket(s) can set SO_REUSEPORT when started with {@link ServerConfig#REUSE_PORT}
     * {@code =true}, so that several processes serve one port and the kernel spreads connections over them (gnet's
     * "prefork"; the runner's {@code processes: K}). A design declares it by accepting that option; one that does not
     * is refused with a one-line error ({@link ServerDesigns#checkOptions}).
     */
    default boolean sharesPort() {
        return supportedOptions().contains(ServerConfig.REUSE_PORT);
    }

    /**
     * Binds and starts serving. Fails with {@link java.net.BindException} when the port is in use, with
     * {@link IllegalArgumentException} (one-line message) for an unknown option or a bad value, and with
     * {@link IllegalStateException} when the design is unavailable.
     */
    RunningServer start(ServerConfig config) throws IOException;
}
