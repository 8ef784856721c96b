package io.reactorbench.baseline.nio;

/** {@code threads}: one platform thread per connection, blocking I/O. */
public final class ThreadsDesign extends ThreadPerConnectionDesign {

    public ThreadsDesign() {
        super("threads",
                "thread per connection: one platform thread each, blocking SocketChannel I/O, acceptor thread; loops ignored",
                // Daemon: a thread stuck on a peer that never reads must not keep the JVM alive after stop's timeout.
                () -> Thread.ofPlatform().name("threads-", 0).daemon(true).factory());
    }
}
