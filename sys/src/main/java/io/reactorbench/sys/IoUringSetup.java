package io.reactorbench.sys;

import static io.reactorbench.sys.IoUringFlags.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * How an {@link IoUring} comes to be: {@code io_uring_setup} with the newest flags the kernel accepts (dropping
 * them step by step on EINVAL), and the mmaps of its rings. Separate from the ring's hot path, which never comes here.
 */
final class IoUringSetup {

    private static final int PARAMS_BYTES = 120;
    static final long OFF_SQES = 0x10000000L;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_SHARED_POPULATE = 0x01 | 0x8000;
    /** Flags tried in order; each step drops what an older kernel rejects with EINVAL. */
    static final int[] ATTEMPTS = {
            IORING_SETUP_SUBMIT_ALL | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN
                    | IORING_SETUP_R_DISABLED | IORING_SETUP_NO_SQARRAY, // 6.6+
            IORING_SETUP_SUBMIT_ALL | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN
                    | IORING_SETUP_R_DISABLED, // 6.1+
            IORING_SETUP_SUBMIT_ALL | IORING_SETUP_COOP_TASKRUN, // 5.19+
            0};
    /** The SQPOLL experiment's flags, tried the same way; DEFER_TASKRUN does not go with SQPOLL. */
    static final int[] SQPOLL_ATTEMPTS = {
            IORING_SETUP_SQPOLL | IORING_SETUP_SUBMIT_ALL | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_R_DISABLED
                    | IORING_SETUP_NO_SQARRAY,
            IORING_SETUP_SQPOLL | IORING_SETUP_SUBMIT_ALL | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_R_DISABLED,
            IORING_SETUP_SQPOLL | IORING_SETUP_SUBMIT_ALL,
            IORING_SETUP_SQPOLL};

    private IoUringSetup() {
    }

    static IoUring open(int sqEntries, int cqEntries, int[] attempts, int sqThreadIdleMs) throws IOException {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment params = scratch.allocate(PARAMS_BYTES, 8);
            int failure = -Errno.EINVAL;
            for (int attempt : attempts) {
                int flags = attempt | IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP;
                params.fill((byte) 0);
                params.set(ValueLayout.JAVA_INT, 4, cqEntries);
                params.set(ValueLayout.JAVA_INT, 8, flags);
                params.set(ValueLayout.JAVA_INT, 16, sqThreadIdleMs);
                int r = setup(sqEntries, params);
                if (r >= 0) {
                    return new IoUring(r, params, flags);
                }
                failure = r;
                if (r != -Errno.EINVAL) {
                    break; // EPERM, ENOSYS, ENOMEM: no flag set would change that
                }
            }
            throw new IoUringSetupException("io_uring_setup: " + Errno.message(failure), failure);
        }
    }

    private static int setup(int entries, MemorySegment params) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            long r = (long) LibcCalls.SYSCALL2.invokeExact(capture, SYS_IO_URING_SETUP, (long) entries,
                    params.address());
            return r >= 0 ? (int) r : -ThreadScratch.capturedErrno(capture);
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    @SuppressWarnings("restricted") // the kernel mapped exactly this many bytes at the returned address
    static MemorySegment map(int fd, long bytes, long offset) throws IOException {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            long address = (long) LibcCalls.MMAP.invokeExact(capture, 0L, bytes, PROT_READ_WRITE, MAP_SHARED_POPULATE,
                    fd, offset);
            if (address == -1L) {
                throw new IOException("mmap of io_uring ring: " + Errno.message(ThreadScratch.capturedErrno(capture)));
            }
            return MemorySegment.ofAddress(address).reinterpret(bytes);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }

    static void unmap(MemorySegment mapped) {
        MemorySegment capture = ThreadScratch.current().capture;
        try {
            int ignored = (int) LibcCalls.MUNMAP.invokeExact(capture, mapped.address(), mapped.byteSize());
        } catch (Throwable t) {
            throw LibcCalls.unexpected(t);
        }
    }
}
