package io.reactorbench.engine;

/** What an {@link EventLoop} is for (Aeron's ThreadingMode idea: which work runs on which thread). */
enum LoopRole {
    /** Holds the listener, accepts, hands connections to sub-loops; runs no handler callbacks. */
    MAIN,
    /** Serves connections (and, with reusePort or UDP, also owns a socket it accepts or receives on). */
    SUB
}
