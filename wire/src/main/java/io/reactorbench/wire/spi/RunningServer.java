package io.reactorbench.wire.spi;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;

/** A started server. It accepts connections from the moment {@link ServerDesign#start} returns. */
public interface RunningServer extends AutoCloseable {

    /** The bound TCP or UDP address (with the real port when 0 was asked for); null for a Unix-domain socket. */
    InetSocketAddress address();

    /** The bound address whatever the transport: {@link #address()}, or the Unix-domain socket's path. */
    default SocketAddress boundAddress() {
        return address();
    }

    /** Connections currently open; for the server probe (memory per connection). */
    int openConnections();

    /**
     * Connections the server accepted and closed at once because it had no file descriptor left for them
     * (EMFILE/ENFILE), since it started; -1 when the design does not count them. Reported by the server probe so a
     * run at the fd limit shows refused clients instead of only client-side errors.
     */
    default long rejectedOnFdLimit() {
        return -1;
    }

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
