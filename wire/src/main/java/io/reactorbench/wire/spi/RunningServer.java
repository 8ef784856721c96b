package io.reactorbench.wire.spi;

import java.net.InetSocketAddress;
import java.time.Duration;

/** A started server. It accepts connections from the moment {@link ServerDesign#start} returns. */
public interface RunningServer extends AutoCloseable {

    /** The bound address (with the real port when 0 was asked for). */
    InetSocketAddress address();

    /** Connections currently open; for the server probe (memory per connection). */
    int openConnections();

    /**
     * Stops accepting, lets in-flight responses go out, closes every connection and releases every thread,
     * returning within {@code timeout} (connections still open then are closed abruptly).
     */
    void stop(Duration timeout);

    @Override
    default void close() {
        stop(Duration.ofSeconds(5));
    }
}
