package io.reactorbench.engine;

import java.util.Locale;

/** Which readiness API the loops use. */
public enum PollerKind {
    /** {@code java.nio.channels.Selector}: portable. */
    NIO,
    /** Native epoll through the FFM API: Linux only, no SocketChannel per connection. */
    EPOLL,
    /** epoll when it works here, otherwise nio. */
    AUTO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Why this poller cannot run here, or null when it can (a value, like Netty's {@code Epoll.unavailabilityCause()}). */
    public String unavailabilityCause() {
        return this == EPOLL ? EpollPoller.unavailabilityCause() : null;
    }

    /** AUTO resolved against this machine. */
    public PollerKind resolve() {
        if (this != AUTO) {
            return this;
        }
        return EpollPoller.unavailabilityCause() == null ? EPOLL : NIO;
    }
}
