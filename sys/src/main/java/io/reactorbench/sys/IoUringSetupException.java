package io.reactorbench.sys;

import java.io.IOException;

/** Setting up an io_uring failed; {@link #negativeErrno} says how, so {@link IoUringSupport} can explain it. */
public final class IoUringSetupException extends IOException {

    private final int negativeErrno;

    IoUringSetupException(String message, int negativeErrno) {
        super(message);
        this.negativeErrno = negativeErrno;
    }

    /** {@code -errno} of the failed call (e.g. {@code -Errno.EPERM}). */
    public int negativeErrno() {
        return negativeErrno;
    }
}
