package io.reactorbench.sys;

import java.util.Locale;

/**
 * Which readiness API a set of sockets is waited on with — the engine's loops and the load generator's workers
 * alike, so a command line, a scenario and a result file name pollers one way. {@link #AUTO} is a choice, not a
 * poller: {@link #resolve()} turns it into the one that runs here. Each module keeps its own poller
 * implementations behind this one name (a server's poller listens, accepts and serves datagrams; a client's
 * connects), and asks here whether epoll can run: platform support is a value, as Netty's
 * {@code Epoll.unavailabilityCause()}.
 */
public enum PollerKind {
    /** {@code java.nio.channels.Selector} and channels: portable. */
    NIO,
    /** Native epoll on raw fds through this module's FFM bindings: Linux only, no channel object per connection. */
    EPOLL,
    /**
     * io_uring through this module's FFM bindings ({@link IoUring}): completions instead of readiness, one
     * {@code io_uring_enter} per loop iteration. Linux 6.0+ where no sysctl or seccomp profile blocks it
     * ({@link IoUringSupport#unavailabilityCause()}). Chosen by name only: {@link #AUTO} does not pick it (yet).
     */
    URING,
    /**
     * epoll where the bindings work, otherwise nio: the default, as epoll measured cheaper here (less heap per idle
     * connection, more requests per CPU second; docs/BENCHMARKS.md).
     */
    AUTO;

    /** The lowercase name used on command lines and in result files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Why this poller cannot run here, or null when it can (nio and auto always can). */
    public String unavailabilityCause() {
        return switch (this) {
            case EPOLL -> LinuxSys.unavailabilityCause();
            case URING -> IoUringSupport.unavailabilityCause();
            case NIO, AUTO -> null;
        };
    }

    /** {@link #AUTO} resolved against this machine; the others as they are. */
    public PollerKind resolve() {
        if (this != AUTO) {
            return this;
        }
        return LinuxSys.isAvailable() ? EPOLL : NIO;
    }

    /** {@code auto}, {@code nio}, {@code epoll} or {@code uring}, any case; anything else is an IllegalArgumentException. */
    public static PollerKind parse(String text) {
        for (PollerKind kind : values()) {
            if (kind.id().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown poller '" + text + "' (expected auto, nio, epoll or uring)");
    }
}
