package io.reactorbench.engine;

/**
 * An accepted socket on its way from the acceptor to a sub-loop. If the sub-loop stops before taking it over,
 * the socket is closed rather than leaked, and its client sees the connection end instead of hanging.
 */
record Adoption(EventLoop target, Object accepted) implements AbandonableTask {

    @Override
    public void run() {
        target.adopt(accepted);
    }

    @Override
    public void abandon() {
        target.poller.discard(accepted);
    }
}
