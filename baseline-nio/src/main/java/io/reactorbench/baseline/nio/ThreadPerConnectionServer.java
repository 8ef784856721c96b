package io.reactorbench.baseline.nio;

import io.reactorbench.wire.app.ServerSession;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A blocking listener with an acceptor thread that starts one thread per accepted connection. Which kind of
 * thread (platform or virtual) is the only thing the two designs change.
 */
final class ThreadPerConnectionServer implements RunningServer {

    private static final int BACKLOG = 4096;
    /** After EMFILE (or no thread left) the backlog keeps waiting peers; a pause lets closing connections free fds. */
    private static final long ACCEPT_BACKOFF_MS = 20;

    private final ServerSocketChannel listener;
    private final InetSocketAddress address;
    private final ThreadFactory threads;
    private final Supplier<ServerSession> sessions;
    private final Set<BlockingConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean stopping;
    private boolean acceptFailureLogged;
    private final AtomicBoolean connectionFailureLogged = new AtomicBoolean();

    private ThreadPerConnectionServer(ServerSocketChannel listener, ThreadFactory threads,
            Supplier<ServerSession> sessions) throws IOException {
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalAddress();
        this.threads = threads;
        this.sessions = sessions;
        this.acceptor = threads.newThread(this::acceptLoop);
    }

    static ThreadPerConnectionServer start(ServerConfig config, ThreadFactory threads,
            Supplier<ServerSession> sessions) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (config.flag(ServerConfig.REUSE_PORT)) {
                listener.setOption(StandardSocketOptions.SO_REUSEPORT, true); // other processes may bind this port too
            }
            listener.bind(new InetSocketAddress(config.host(), config.port()), BACKLOG);
            ThreadPerConnectionServer server = new ThreadPerConnectionServer(listener, threads, sessions);
            server.acceptor.start();
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private void acceptLoop() {
        while (!stopping) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException e) {
                return; // stop() closed the listener
            } catch (IOException e) {
                onAcceptFailure(e.getMessage()); // EMFILE / ENFILE: keep serving the connections we have
                continue;
            }
            onAccepted(channel);
        }
    }

    private void onAccepted(SocketChannel channel) {
        BlockingConnection connection =
                new BlockingConnection(channel, sessions.get(), connections::remove, this::onConnectionFailure);
        connections.add(connection);
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.startOn(threads.newThread(connection));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // OutOfMemoryError here is "unable to create native thread": the process is out of threads, not heap.
            connections.remove(connection);
            connection.close();
            onAcceptFailure(String.valueOf(e.getMessage()));
        }
    }

    private void onAcceptFailure(String reason) {
        if (!acceptFailureLogged) {
            acceptFailureLogged = true;
            System.err.println("thread-per-connection server on " + address + ": accept failed (" + reason
                    + "); backing off " + ACCEPT_BACKOFF_MS + " ms and going on (logged once)");
        }
        try {
            Thread.sleep(ACCEPT_BACKOFF_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private void onConnectionFailure(Throwable failure) {
        if (connectionFailureLogged.compareAndSet(false, true)) {
            System.err.println("thread-per-connection server on " + address + ": dropped a connection (" + failure
                    + "); going on (logged once)");
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void stop(Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        stopping = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Best effort: the acceptor ends on the stopping flag anyway.
        }
        join(acceptor, deadlineNs);
        // Half the time for a graceful end (each connection answers what it read), then close what is left.
        long gracefulDeadlineNs = System.nanoTime() + (deadlineNs - System.nanoTime()) / 2;
        List<BlockingConnection> open = List.copyOf(connections);
        open.forEach(BlockingConnection::shutdownInput);
        open.forEach(c -> join(c.thread(), gracefulDeadlineNs));
        List<BlockingConnection> stuck = List.copyOf(connections);
        stuck.forEach(BlockingConnection::close);
        stuck.forEach(c -> join(c.thread(), deadlineNs));
    }

    private static void join(Thread thread, long deadlineNs) {
        if (thread == null) {
            return;
        }
        try {
            long remainingNs = deadlineNs - System.nanoTime();
            if (remainingNs > 0) {
                thread.join(Duration.ofNanos(remainingNs));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ThreadPerConnectionServer[" + address + ", " + connections.size() + " connections]";
    }
}
