package io.reactorbench.baseline.nio;

/** {@code vthreads}: one virtual thread per connection, blocking I/O (Go's goroutine-per-connection, on the JVM). */
public final class VirtualThreadsDesign extends ThreadPerConnectionDesign {

    public VirtualThreadsDesign() {
        super("vthreads",
                "thread per connection: one virtual thread each, blocking SocketChannel I/O, acceptor virtual thread; loops ignored",
                () -> Thread.ofVirtual().name("vthreads-", 0).factory());
    }
}
