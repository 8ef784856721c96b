package io.reactorbench.engine;

import java.net.SocketAddress;

/**
 * A listening socket on the uring poller: its multishot accept, and the connections it completed that the
 * {@link Acceptor} has not taken yet. The accept runs in the kernel between polls, so connections arrive as
 * completions and wait here, in order, until {@link UringPoller#accept} hands them out. A failed accept (EMFILE)
 * ends the multishot and waits here too, to be thrown by the next accept, which is what starts the acceptor's
 * back-off. Loop-confined.
 */
final class UringListener {

    final int fd;
    /** The path of a Unix-domain listener (getsockname would not give it back as an IP address), or null. */
    final SocketAddress unixAddress;
    /** Whether the acceptor wants connections (false while it backs off). */
    boolean wanted = true;
    boolean armed;
    boolean cancelling;
    /** -errno of a failed accept not yet reported, or 0. */
    int failure;
    private int[] accepted = new int[16];
    private int first;
    private int count;

    UringListener(int fd, SocketAddress unixAddress) {
        this.fd = fd;
        this.unixAddress = unixAddress;
    }

    void add(int connectionFd) {
        if (count == accepted.length) {
            int[] grown = new int[accepted.length * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = accepted[(first + i) % accepted.length];
            }
            accepted = grown;
            first = 0;
        }
        accepted[(first + count) % accepted.length] = connectionFd;
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The oldest accepted fd; only when not empty. */
    int take() {
        int fd = accepted[first];
        first = (first + 1) % accepted.length;
        count--;
        return fd;
    }
}
