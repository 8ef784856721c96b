package io.reactorbench.engine;

/**
 * A queued cross-thread command that holds something — an accepted socket, a caller waiting for its callback —
 * and must let go of it when its loop stops before running it. Called once, on whichever thread finds the
 * loop's {@link TaskQueue} closed.
 */
interface AbandonableTask extends Runnable {

    void abandon();
}
