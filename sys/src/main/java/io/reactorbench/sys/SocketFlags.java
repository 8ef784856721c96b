package io.reactorbench.sys;

/** Address families, socket types and flags, {@code shutdown} modes and {@code send}/{@code recv} flags. */
public final class SocketFlags {

    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    /** OR-ed into the type of {@code socket} and the flags of {@code accept4}; same value as O_NONBLOCK. */
    public static final int SOCK_NONBLOCK = 0x800;
    /** Same value as O_CLOEXEC. */
    public static final int SOCK_CLOEXEC = 0x80000;

    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;

    public static final int MSG_PEEK = 0x2;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    /** Fail with EPIPE instead of raising SIGPIPE when the peer is gone. */
    public static final int MSG_NOSIGNAL = 0x4000;

    private SocketFlags() {
    }
}
