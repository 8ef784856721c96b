package io.reactorbench.sys;

/**
 * io_uring constants from the kernel's uapi header ({@code linux/io_uring.h}), the same on x86_64 and aarch64: the
 * opcodes, SQE and CQE flags, setup and enter flags this project uses. The header on a build machine may be older
 * than the kernel a run meets (IORING_SETUP_NO_SQARRAY is 6.6), so the values are written out here, not read from it.
 */
public final class IoUringFlags {

    // --- opcodes (enum io_uring_op) ---
    public static final byte IORING_OP_NOP = 0;
    public static final byte IORING_OP_POLL_ADD = 6;
    public static final byte IORING_OP_SENDMSG = 9;
    public static final byte IORING_OP_RECVMSG = 10;
    public static final byte IORING_OP_ACCEPT = 13;
    public static final byte IORING_OP_ASYNC_CANCEL = 14;
    public static final byte IORING_OP_READ = 22;
    public static final byte IORING_OP_SEND = 26;
    public static final byte IORING_OP_RECV = 27;
    public static final byte IORING_OP_MSG_RING = 40;

    // --- sqe->flags ---
    public static final byte IOSQE_IO_LINK = 1 << 2;
    public static final byte IOSQE_BUFFER_SELECT = 1 << 5;
    public static final byte IOSQE_CQE_SKIP_SUCCESS = 1 << 6;

    // --- sqe->ioprio for recv, recvmsg and accept ---
    public static final short IORING_RECVSEND_POLL_FIRST = 1;
    public static final short IORING_RECV_MULTISHOT = 1 << 1;
    public static final short IORING_ACCEPT_MULTISHOT = 1;

    // --- cqe->flags ---
    /** The upper 16 bits of the flags are the id of the provided buffer the data landed in. */
    public static final int IORING_CQE_F_BUFFER = 1;
    /** The request stays armed: more completions will come from the same submission. */
    public static final int IORING_CQE_F_MORE = 1 << 1;
    public static final int IORING_CQE_F_SOCK_NONEMPTY = 1 << 2;
    public static final int IORING_CQE_BUFFER_SHIFT = 16;

    // --- io_uring_setup flags ---
    public static final int IORING_SETUP_SQPOLL = 1 << 1;
    public static final int IORING_SETUP_CQSIZE = 1 << 3;
    public static final int IORING_SETUP_CLAMP = 1 << 4;
    public static final int IORING_SETUP_R_DISABLED = 1 << 6;
    public static final int IORING_SETUP_SUBMIT_ALL = 1 << 7;
    public static final int IORING_SETUP_COOP_TASKRUN = 1 << 8;
    public static final int IORING_SETUP_SINGLE_ISSUER = 1 << 12;
    public static final int IORING_SETUP_DEFER_TASKRUN = 1 << 13;
    public static final int IORING_SETUP_NO_SQARRAY = 1 << 16;

    // --- io_uring_params.features ---
    public static final int IORING_FEAT_SINGLE_MMAP = 1;
    public static final int IORING_FEAT_NODROP = 1 << 1;
    public static final int IORING_FEAT_EXT_ARG = 1 << 8;
    /** io_uring_getevents_arg's min_wait_usec is honoured (Linux 6.12). */
    public static final int IORING_FEAT_MIN_TIMEOUT = 1 << 15;

    // --- io_uring_enter flags ---
    public static final int IORING_ENTER_GETEVENTS = 1;
    public static final int IORING_ENTER_SQ_WAKEUP = 1 << 1;
    /** SQPOLL: wait until the SQ thread has made room in the submission queue. */
    public static final int IORING_ENTER_SQ_WAIT = 1 << 2;
    public static final int IORING_ENTER_EXT_ARG = 1 << 3;

    // --- sq ring flags ---
    public static final int IORING_SQ_NEED_WAKEUP = 1;
    /** Completions did not fit the CQ ring and wait in the kernel: an enter with GETEVENTS moves them in. */
    public static final int IORING_SQ_CQ_OVERFLOW = 1 << 1;

    // --- io_uring_register opcodes ---
    public static final int IORING_REGISTER_ENABLE_RINGS = 12;
    public static final int IORING_REGISTER_PBUF_RING = 22;
    public static final int IORING_UNREGISTER_PBUF_RING = 23;

    // --- system call numbers: the generic table, the same on x86_64 and aarch64 ---
    static final long SYS_IO_URING_SETUP = 425;
    static final long SYS_IO_URING_ENTER = 426;
    static final long SYS_IO_URING_REGISTER = 427;

    private IoUringFlags() {
    }
}
