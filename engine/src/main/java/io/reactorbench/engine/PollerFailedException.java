package io.reactorbench.engine;

import java.io.IOException;

/**
 * The poller itself failed (epoll_wait with EBADF or EINVAL, a closed selector): unlike a failure in one
 * connection or one task, every later poll would fail the same way, so the loop stops instead of retrying.
 */
final class PollerFailedException extends IOException {

    PollerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
