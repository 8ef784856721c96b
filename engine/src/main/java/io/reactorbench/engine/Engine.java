package io.reactorbench.engine;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running multi-reactor server: a main loop that accepts and N sub-loops that serve (or, with reusePort, N
 * loops that each accept and serve). Start with {@link #start}; everything a handler may do from another thread
 * goes through here, by connection id, onto the owning loop's task queue.
 *
 * <p><b>Failures.</b> An exception from handler code about one connection ({@code onOpen}, {@code onTraffic},
 * {@code onWritable}) closes that connection with the exception as {@code onClose}'s cause; one from
 * {@code onTick} ends ticking on that loop; one from an {@link AsyncWriteCallback} or any queued task is only
 * reported. Each is logged once (logger {@code io.reactorbench.engine}) and counted in {@link #failuresCaught()},
 * and the loop goes on serving its other connections and new ones — as does running out of direct memory for
 * one connection's buffers, which closes that connection.
 *
 * <p><b>Backpressure for off-loop writers.</b> {@link #asyncWrite} is refused, with an
 * {@link OutboundFullException} and nothing written, while the connection is unwritable: from the moment its
 * unsent bytes exceed {@link EngineConfig#outboundHighWaterBytes()} until they fall to
 * {@link EngineConfig#outboundLowWaterBytes()} (the same marks that pause reading). That moment is signalled by
 * {@link EventHandler#onWritable} on the loop ({@link Conn#isWritable()} tells the state there), like Netty's
 * {@code channelWritabilityChanged}. A writer that waits for each callback, or for onWritable after a refusal,
 * keeps at most the high-water mark plus one write queued per connection.
 */
public final class Engine {

    private final EngineConfig config;
    private final EventHandler handler;
    private final PollerKind pollerKind;
    private final EventLoop[] subLoops;
    private final EventLoop mainLoop;
    private final CaughtFailures failures = new CaughtFailures();
    private final Executor offload;
    /** The offload executor when the engine made it (the config named none): shut down on stop. */
    private final ExecutorService ownedOffload;
    private final Shutdown shutdown;
    private SocketAddress address;
    /** Every loop's acceptor, kept here so counters stay readable after the loops drop theirs on stop. */
    private final Acceptor[] acceptors;

    /** Opens one loop's poller (tests substitute one that fails). */
    @FunctionalInterface
    interface PollerFactory {
        Poller open() throws IOException;
    }

    private Engine(EngineConfig config, EventHandler handler, PollerFactory pollers) throws IOException {
        this.config = config;
        this.handler = handler;
        this.pollerKind = config.serverPoller().poller();
        int loops = config.effectiveLoops();
        this.subLoops = new EventLoop[loops];
        EventLoop main = null;
        try {
            for (int i = 0; i < loops; i++) {
                subLoops[i] = newLoop(i, LoopRole.SUB, pollers);
            }
            if (config.udp()) {
                InetSocketAddress bindTo = (InetSocketAddress) config.address();
                for (EventLoop loop : subLoops) {
                    // several loops share the port; reusePort also lets other processes bind it
                    SocketAddress bound = loop.datagrams.bind(bindTo, loops > 1 || config.reusePort());
                    if (address == null) {
                        address = bound;
                        bindTo = new InetSocketAddress(bindTo.getAddress(), ((InetSocketAddress) bound).getPort());
                    }
                }
            } else if (config.reusePort()) {
                InetSocketAddress bindTo = (InetSocketAddress) config.address();
                for (EventLoop loop : subLoops) {
                    SocketAddress bound = loop.listen(bindTo, true, config.backlog(), null, null);
                    if (address == null) {
                        address = bound;
                        bindTo = new InetSocketAddress(bindTo.getAddress(), ((InetSocketAddress) bound).getPort());
                    }
                }
            } else {
                main = newLoop(loops, LoopRole.MAIN, pollers);
                address = main.listen(config.address(), false, config.backlog(),
                        LoadBalancer.create(config.loadBalancing(), subLoops), subLoops);
            }
        } catch (Throwable e) {
            // A later loop failed to bind: the earlier ones' listeners, spare fds, sockets and pollers go too.
            if (main != null) {
                main.closeEverything();
            }
            for (EventLoop loop : subLoops) {
                if (loop != null) {
                    loop.closeEverything();
                }
            }
            throw e;
        }
        this.mainLoop = main;
        this.ownedOffload = config.offload() == null ? Executors.newVirtualThreadPerTaskExecutor() : null;
        this.offload = ownedOffload != null ? ownedOffload : config.offload();
        this.acceptors = collectAcceptors();
        this.shutdown = new Shutdown(mainLoop, subLoops, this::afterLoopsStopped);
    }

    private EventLoop newLoop(int index, LoopRole role, PollerFactory pollers) throws IOException {
        Poller poller = pollers.open();
        try {
            return new EventLoop(index, role, this, handler, poller, config);
        } catch (Throwable e) { // e.g. no direct memory left for the loop's buffers
            poller.close();
            throw e;
        }
    }

    private Acceptor[] collectAcceptors() {
        List<Acceptor> found = new ArrayList<>();
        if (mainLoop != null && mainLoop.acceptor() != null) {
            found.add(mainLoop.acceptor());
        }
        for (EventLoop loop : subLoops) {
            if (loop.acceptor() != null) {
                found.add(loop.acceptor());
            }
        }
        return found.toArray(Acceptor[]::new);
    }

    /** Binds, calls {@code onBoot}, starts the loops; the engine accepts once this returns. */
    public static Engine start(EngineConfig config, EventHandler handler) throws IOException {
        Engine engine = new Engine(config, handler, pollersFor(config));
        try {
            handler.onBoot(engine);
        } catch (Throwable t) { // no loop runs yet to close what the constructor opened
            engine.closeUnstarted();
            throw t;
        }
        for (EventLoop loop : engine.subLoops) {
            loop.start("engine-" + engine.pollerKind.id() + "-loop-" + loop.index);
        }
        if (engine.mainLoop != null) {
            engine.mainLoop.start("engine-" + engine.pollerKind.id() + "-main");
        }
        return engine;
    }

    private void closeUnstarted() {
        if (mainLoop != null) {
            mainLoop.closeEverything();
        }
        for (EventLoop loop : subLoops) {
            loop.closeEverything();
        }
        if (ownedOffload != null) {
            ownedOffload.shutdownNow();
        }
    }

    /** Builds an engine without starting threads: tests drive {@link #loop(int)} by hand. */
    static Engine open(EngineConfig config, EventHandler handler) throws IOException {
        return new Engine(config, handler, pollersFor(config));
    }

    /** Like {@link #open}, each loop's poller from {@code pollers}. */
    static Engine open(EngineConfig config, EventHandler handler, PollerFactory pollers) throws IOException {
        return new Engine(config, handler, pollers);
    }

    EventLoop loop(int index) {
        return subLoops[index];
    }

    EventLoop mainLoop() {
        return mainLoop;
    }

    /** The pollers {@code config} asks for. */
    static PollerFactory pollersFor(EngineConfig config) {
        PollerKind kind = config.serverPoller().poller();
        SocketSetup setup = SocketSetup.of(config);
        return () -> switch (kind) {
            case EPOLL -> new EpollPoller(setup, config.edgeTriggered());
            case URING -> new UringPoller(setup, config.uring());
            case NIO, AUTO -> new NioPoller(setup); // AUTO never comes out of serverPoller()
        };
    }

    CaughtFailures failures() {
        return failures;
    }

    /**
     * Exceptions the loops caught from handler code, {@link AsyncWriteCallback}s and queued tasks (each logged
     * once) and carried on after. From any thread.
     */
    public long failuresCaught() {
        return failures.count();
    }

    /** The bound TCP address (with the real port when 0 was asked for), or null for a Unix-domain listener. */
    public InetSocketAddress address() {
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    /** The bound address, TCP or Unix-domain. */
    public SocketAddress boundAddress() {
        return address;
    }

    /** The poller the loops run: auto resolved for a server ({@link EngineConfig#serverPoller()}). */
    public PollerKind poller() {
        return pollerKind;
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Where handlers run blocking work: the configured executor, or else one of the engine's own (virtual
     * threads), which {@link #stop} shuts down once the loops are done — its tasks still running are interrupted.
     */
    public Executor offload() {
        return offload;
    }

    public int loops() {
        return subLoops.length;
    }

    public int openConnections() {
        int total = 0;
        for (EventLoop loop : subLoops) {
            total += loop.table.size();
        }
        return total;
    }

    /**
     * Connections accepted only to be closed at once because the process was out of file descriptors
     * (EMFILE/ENFILE); their clients saw a prompt close instead of waiting in the backlog. From any thread.
     */
    public long rejectedOnFdLimit() {
        long total = 0;
        for (Acceptor acceptor : acceptors) {
            total += acceptor.rejectedOnFdLimit();
        }
        return total;
    }

    /** Accepts that failed, each followed by a back-off from listening (mostly EMFILE). From any thread. */
    public long failedAccepts() {
        long total = 0;
        for (Acceptor acceptor : acceptors) {
            total += acceptor.failedAccepts();
        }
        return total;
    }

    /**
     * Accepted connections dropped before onOpen because a socket option or the poller's registration failed (the
     * socket was closed; the client sees it closed). From any thread.
     */
    public long failedRegistrations() {
        long total = 0;
        for (EventLoop loop : subLoops) {
            total += loop.failedRegistrations();
        }
        return total;
    }

    // ------------------------------------------------------------------ from any thread

    /**
     * Writes {@code data} on the connection's loop, then tells {@code callback}. Do not touch {@code data} until
     * then. The callback runs on the connection's loop, except when the write never reaches it: refused at once
     * because the loop holds too many asyncWrites it has not run yet, or failed because the engine has stopped
     * — then on the calling thread, before this returns. Errors: {@link ClosedChannelException} (the connection
     * is closed, or the engine stopped first), {@link OutboundFullException} (refused, nothing written: the
     * connection is unwritable — retry after {@link EventHandler#onWritable} — or its loop is overloaded).
     */
    public void asyncWrite(long connId, ByteBuffer data, AsyncWriteCallback callback) {
        loopOf(connId).asyncWrites.submit(connId, data, callback);
    }

    /** Closes the connection once its queued bytes are sent. */
    public void asyncClose(long connId) {
        EventLoop loop = loopOf(connId);
        loop.execute(() -> {
            int slot = loop.slotOf(connId);
            if (slot >= 0) {
                loop.connections.closeGracefully(slot);
            }
        });
    }

    /** Calls {@code onTraffic} for the connection on its loop (with whatever input is buffered). */
    public void wake(long connId) {
        EventLoop loop = loopOf(connId);
        loop.execute(() -> {
            int slot = loop.slotOf(connId);
            if (slot >= 0) {
                loop.connections.wake(slot);
            }
        });
    }

    private EventLoop loopOf(long connId) {
        int index = ConnectionId.loopIndex(connId);
        if (index < 0 || index >= subLoops.length) {
            throw new IllegalArgumentException("not a connection id of this engine: " + connId);
        }
        return subLoops[index];
    }

    // ------------------------------------------------------------------ stopping

    /**
     * Stops accepting, lets queued replies go out, closes every connection, returns within {@code timeout}
     * (what is still open then is closed abruptly). Calls {@code onShutdown} once.
     */
    public void stop(Duration timeout) {
        shutdown.stop(timeout);
    }

    /** Once the loops are done: the Unix-domain socket's file, the engine's own offload executor, onShutdown. */
    private void afterLoopsStopped() throws IOException {
        if (address instanceof UnixDomainSocketAddress unix) {
            try {
                Files.deleteIfExists(unix.getPath());
            } catch (IOException e) {
                throw new IOException("could not remove " + address + ": " + e.getMessage(), e);
            }
        }
        if (ownedOffload != null) {
            ownedOffload.shutdownNow(); // its tasks' wake-ups now find closed queues and are dropped
        }
        handler.onShutdown(this);
    }

    /** For Action.SHUTDOWN: a loop thread cannot wait for itself. */
    void stopInBackground() {
        shutdown.inBackground();
    }

    public boolean isStopped() {
        return shutdown.isStopped();
    }
}
