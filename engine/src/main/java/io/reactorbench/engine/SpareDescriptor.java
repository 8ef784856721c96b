package io.reactorbench.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file descriptor (/dev/null, read-only) held in reserve so that, at the fd limit, the acceptor can free
 * it, accept a waiting connection just to close it, and take it back (libuv's {@code uv__emfile_trick}).
 * Without it a connection left in the backlog at EMFILE waits until its client gives up, and a
 * level-triggered listener stays readable. Loop-confined.
 */
final class SpareDescriptor implements AutoCloseable {

    private static final Path DEV_NULL = Path.of("/dev/null");

    private FileChannel held;

    /** Opens the spare now, while fds are free; if it cannot, the acceptor only backs off. */
    SpareDescriptor() {
        reacquire();
    }

    boolean isHeld() {
        return held != null;
    }

    /** Frees the fd for the acceptor's use; false if none was held. */
    boolean release() {
        if (held == null) {
            return false;
        }
        FileChannel spare = held;
        held = null;
        try {
            spare.close();
        } catch (IOException ignored) {
            // closing /dev/null cannot fail in a way that keeps the fd: it is free either way
        }
        return true;
    }

    /** Takes an fd back if none is held; stays empty (and is retried next time) while none is free. */
    void reacquire() {
        if (held != null) {
            return;
        }
        try {
            held = FileChannel.open(DEV_NULL, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            held = null; // still at the limit (or no /dev/null): the next release or resume retries
        }
    }

    @Override
    public void close() {
        release();
    }
}
