package io.reactorbench.loadgen;

import java.util.Locale;

/** How the load workers wait for their sockets. */
public enum PollerKind {
    /** java.nio Selector and SocketChannels: portable. */
    NIO,
    /** Linux epoll on raw fds through the sys module's FFM bindings: no heap object per connection. */
    EPOLL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PollerKind parse(String text) {
        for (PollerKind kind : values()) {
            if (kind.id().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown poller '" + text + "' (expected nio or epoll)");
    }
}
