package io.reactorbench.sys;

/** {@code setsockopt}/{@code getsockopt} levels and options (generic Linux values: x86_64 and aarch64). */
public final class SocketOptions {

    public static final int SOL_SOCKET = 1;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_TYPE = 3;
    /** Pending socket error (read with getsockopt; clears it): how a non-blocking connect reports failure. */
    public static final int SO_ERROR = 4;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_KEEPALIVE = 9;
    /** Takes a {@code struct linger}, not an int: use {@link LinuxSys#setLinger}. */
    public static final int SO_LINGER = 13;
    public static final int SO_REUSEPORT = 15;

    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_IPV6 = 41;
    public static final int TCP_NODELAY = 1;
    public static final int IPV6_V6ONLY = 26;

    private SocketOptions() {
    }
}
