package io.reactorbench.engine;

/** Told on the loop thread when an {@link Engine#asyncWrite} was written or queued, or why it was not. */
@FunctionalInterface
public interface AsyncWriteCallback {

    /** @param error null when the bytes were written to the socket or queued behind earlier bytes */
    void onComplete(long connId, Throwable error);
}
