package io.reactorbench.sys;

import java.util.Locale;

/**
 * Which readiness API a set of sockets is waited on with — the engine's loops and the load generator's workers
 * alike, so a command line, a scenario and a result file name pollers one way. {@link #AUTO} is a choice, not a
 * poller, and the two roles resolve it differently because they have different pollers: a client's
 * ({@link #resolve()}: epoll or nio; the load generator has no io_uring poller) and a server's
 * ({@link #resolveForServer}: io_uring first). Each module keeps its own poller implementations behind this one name
 * (a server's poller listens, accepts and serves datagrams; a client's connects), and asks here whether a poller can
 * run: platform support is a value, as Netty's {@code Epoll.unavailabilityCause()}.
 */
public enum PollerKind {
    /** {@code java.nio.channels.Selector} and channels: portable. */
    NIO,
    /** Native epoll on raw fds through this module's FFM bindings: Linux only, no channel object per connection. */
    EPOLL,
    /**
     * io_uring through this module's FFM bindings ({@link IoUring}): completions instead of readiness, one
     * {@code io_uring_enter} per loop iteration. Linux 6.0+ where no sysctl or seccomp profile blocks it
     * ({@link IoUringSupport#unavailabilityCause()}). {@link #AUTO} picks it for a server's TCP and Unix-domain
     * streams where it works ({@link #resolveForServer}), never for a client.
     */
    URING,
    /**
     * The default. For a server, io_uring where it works, as it measured cheapest per request here (docs/BENCHMARKS.md
     * §10), unless the server binds UDP or asks for edge-triggered epoll; otherwise, and for a client, epoll where the
     * bindings work (less heap per idle connection and more requests per CPU second than nio), otherwise nio.
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

    /**
     * {@link #AUTO} resolved for a client's workers, which wait on readiness: epoll where the bindings work, otherwise
     * nio, never uring (the load generator has no io_uring poller); the others as they are. A server resolves with
     * {@link #resolveForServer}.
     */
    public PollerKind resolve() {
        if (this != AUTO) {
            return this;
        }
        return LinuxSys.isAvailable() ? EPOLL : NIO;
    }

    /**
     * The poller a server runs when asked for this kind: a named one as it is; {@link #AUTO} io_uring where it works
     * ({@link IoUringSupport#unavailabilityCause()}), unless the server needs what the uring poller lacks, and
     * otherwise what {@link #resolve()} picks, with the reason it fell back.
     *
     * @param datagrams     the server binds UDP, which auto keeps off the uring poller (not measured there yet)
     * @param edgeTriggered the server asks for edge-triggered readiness, an epoll mode
     */
    public ServerPollerChoice resolveForServer(boolean datagrams, boolean edgeTriggered) {
        if (this != AUTO) {
            return new ServerPollerChoice(this, null);
        }
        return ServerPollerChoice.auto(datagrams, edgeTriggered, IoUringSupport::unavailabilityCause, resolve());
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
