package io.reactorbench.engine;

import java.io.IOException;

/**
 * Accepting failed because the process (EMFILE) or the system (ENFILE) has no file descriptor left. The
 * connection is still waiting in the listener's backlog; {@link Acceptor} answers this with its spare fd.
 */
final class FdLimitException extends IOException {

    FdLimitException(String message) {
        super(message);
    }

    FdLimitException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    /**
     * Whether a JDK {@code accept()} failure is EMFILE or ENFILE: the JDK reports both as a plain IOException
     * whose message is strerror's ("Too many open files", "Too many open files in system").
     */
    static boolean isFdLimit(IOException e) {
        String message = e.getMessage();
        return message != null && message.contains("Too many open files");
    }
}
