package io.reactorbench.engine;

/**
 * What an io_uring completion is about, packed into its 64-bit user_data: the operation (bits 56–63), the slot's
 * generation when it was submitted (bits 32–55) and the slot (bits 0–31). A slot is reused once its connection
 * closes, but a cancelled recv can still complete after that: the generation lets {@link UringPoller} drop such a
 * stale completion (returning its buffer) instead of handing it to the slot's new connection.
 */
final class UringUserData {

    static final int ACCEPT = 1;
    static final int RECV = 2;
    static final int SEND = 3;
    static final int WAKEUP = 4;
    /** Completions of our cancel requests: nothing to do, the cancelled request completes on its own. */
    static final int CANCEL = 5;
    /** A UDP socket's multishot recvmsg. */
    static final int RECVMSG = 6;
    /** A datagram reply; its "slot" is the send record ({@link UringDatagramSends}), not a socket's. */
    static final int SENDMSG = 7;

    private static final int GENERATION_MASK = 0xFF_FFFF;

    private UringUserData() {
    }

    static long of(int op, int generation, int slot) {
        return ((long) op << 56) | ((long) (generation & GENERATION_MASK) << 32) | (slot & 0xFFFF_FFFFL);
    }

    static int op(long userData) {
        return (int) (userData >>> 56);
    }

    static int generation(long userData) {
        return (int) (userData >>> 32) & GENERATION_MASK;
    }

    static int slot(long userData) {
        return (int) userData;
    }

    /** Whether {@code generation} (as stored per slot) is the one {@code userData} was submitted with. */
    static boolean current(long userData, int generation) {
        return generation(userData) == (generation & GENERATION_MASK);
    }
}
