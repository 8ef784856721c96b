package io.reactorbench.sys;

/** epoll event bits, {@code epoll_ctl} operations and {@code epoll_create1} flags (same on x86_64 and aarch64). */
public final class EpollFlags {

    public static final int EPOLLIN = 0x001;
    public static final int EPOLLPRI = 0x002;
    public static final int EPOLLOUT = 0x004;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;
    /** Peer closed its writing half (half-close); needs to be asked for. */
    public static final int EPOLLRDHUP = 0x2000;
    public static final int EPOLLEXCLUSIVE = 1 << 28;
    public static final int EPOLLONESHOT = 1 << 30;
    /** Edge-triggered; the sign bit of a Java int. */
    public static final int EPOLLET = 1 << 31;

    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;

    /** Same value as O_CLOEXEC. */
    public static final int EPOLL_CLOEXEC = 0x80000;

    private EpollFlags() {
    }
}
