package io.reactorbench.engine;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running multi-reactor server: a main loop that accepts and N sub-loops that serve (or, with reusePort, N
 * loops that each accept and serve). Start with {@link #start}; everything a handler may do from another thread
 * goes through here, by connection id, onto the owning loop's task queue.
 */
public final class Engine {

    private static final long DEFAULT_STOP_TIMEOUT_MS = 5_000;

    private final EngineConfig config;
    private final EventHandler handler;
    private final PollerKind pollerKind;
    private final EventLoop[] subLoops;
    private final EventLoop mainLoop;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean stopped;
    private SocketAddress address;
    /** Every loop's acceptor, kept here so counters stay readable after the loops drop theirs on stop. */
    private final Acceptor[] acceptors;

    private Engine(EngineConfig config, EventHandler handler) throws IOException {
        this.config = config;
        this.handler = handler;
        this.pollerKind = config.poller().resolve();
        int loops = config.effectiveLoops();
        this.subLoops = new EventLoop[loops];
        try {
            for (int i = 0; i < loops; i++) {
                subLoops[i] = new EventLoop(i, LoopRole.SUB, this, handler, newPoller(), config);
            }
            if (config.udp()) {
                mainLoop = null;
                InetSocketAddress bindTo = (InetSocketAddress) config.address();
                for (EventLoop loop : subLoops) {
                    SocketAddress bound = loop.bindDatagram(bindTo, loops > 1);
                    if (address == null) {
                        address = bound;
                        bindTo = new InetSocketAddress(bindTo.getAddress(), ((InetSocketAddress) bound).getPort());
                    }
                }
            } else if (config.reusePort()) {
                mainLoop = null;
                InetSocketAddress bindTo = (InetSocketAddress) config.address();
                for (EventLoop loop : subLoops) {
                    SocketAddress bound = loop.listen(bindTo, true, config.backlog(), null, null);
                    if (address == null) {
                        address = bound;
                        bindTo = new InetSocketAddress(bindTo.getAddress(), ((InetSocketAddress) bound).getPort());
                    }
                }
            } else {
                mainLoop = new EventLoop(loops, LoopRole.MAIN, this, handler, newPoller(), config);
                address = mainLoop.listen(config.address(), false, config.backlog(),
                        LoadBalancer.create(config.loadBalancing(), subLoops), subLoops);
            }
        } catch (IOException | RuntimeException e) {
            for (EventLoop loop : subLoops) {
                if (loop != null) {
                    loop.poller.close();
                }
            }
            throw e;
        }
        this.acceptors = collectAcceptors();
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
        Engine engine = new Engine(config, handler);
        handler.onBoot(engine);
        for (EventLoop loop : engine.subLoops) {
            loop.start("engine-" + engine.pollerKind.id() + "-loop-" + loop.index);
        }
        if (engine.mainLoop != null) {
            engine.mainLoop.start("engine-" + engine.pollerKind.id() + "-main");
        }
        return engine;
    }

    /** Builds an engine without starting threads: tests drive {@link #loop(int)} by hand. */
    static Engine open(EngineConfig config, EventHandler handler) throws IOException {
        return new Engine(config, handler);
    }

    EventLoop loop(int index) {
        return subLoops[index];
    }

    EventLoop mainLoop() {
        return mainLoop;
    }

    private Poller newPoller() throws IOException {
        SocketSetup setup = SocketSetup.of(config);
        return pollerKind == PollerKind.EPOLL ? new EpollPoller(setup, config.edgeTriggered()) : new NioPoller(setup);
    }

    /** The bound TCP address (with the real port when 0 was asked for), or null for a Unix-domain listener. */
    public InetSocketAddress address() {
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    /** The bound address, TCP or Unix-domain. */
    public SocketAddress boundAddress() {
        return address;
    }

    public PollerKind poller() {
        return pollerKind;
    }

    public EngineConfig config() {
        return config;
    }

    /** Where handlers run blocking work (virtual threads unless configured otherwise). */
    public Executor offload() {
        return config.offload();
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
     * Writes {@code data} on the connection's loop, then tells {@code callback} (on that loop). Do not touch
     * {@code data} until then. A connection already closed gets a {@link ClosedChannelException}.
     */
    public void asyncWrite(long connId, ByteBuffer data, AsyncWriteCallback callback) {
        EventLoop loop = loopOf(connId);
        loop.execute(() -> {
            int slot = loop.slotOf(connId);
            if (slot < 0) {
                if (callback != null) {
                    callback.onComplete(connId, new ClosedChannelException());
                }
                return;
            }
            long base = loop.poller.needsAddresses() && data.isDirect()
                    ? MemorySegment.ofBuffer(data).address() - data.position() : 0;
            loop.write(slot, data, base);
            if (callback != null) {
                callback.onComplete(connId, null);
            }
        });
    }

    /** Closes the connection once its queued bytes are sent. */
    public void asyncClose(long connId) {
        EventLoop loop = loopOf(connId);
        loop.execute(() -> {
            int slot = loop.slotOf(connId);
            if (slot >= 0) {
                loop.closeGracefully(slot);
            }
        });
    }

    /** Calls {@code onTraffic} for the connection on its loop (with whatever input is buffered). */
    public void wake(long connId) {
        EventLoop loop = loopOf(connId);
        loop.execute(() -> {
            int slot = loop.slotOf(connId);
            if (slot >= 0) {
                loop.wake(slot);
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
        if (onLoopThread()) {
            stopInBackground(); // a loop cannot wait for itself to finish
            return;
        }
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped(timeout);
            return;
        }
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        try {
            if (mainLoop != null) {
                mainLoop.execute(mainLoop::beginShutdown);
            }
            for (EventLoop loop : subLoops) {
                loop.execute(loop::beginShutdown);
            }
            joinAll(deadlineNs);
            if (mainLoop != null) {
                mainLoop.stopNow();
            }
            for (EventLoop loop : subLoops) {
                loop.stopNow();
            }
            joinAll(System.nanoTime() + Math.min(timeout.toNanos(), 1_000_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (address instanceof UnixDomainSocketAddress unix) {
                    Files.deleteIfExists(unix.getPath());
                }
                handler.onShutdown(this);
            } catch (IOException e) {
                System.err.println("engine: could not remove " + address + ": " + e.getMessage());
            } finally {
                stopped = true;
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    private boolean onLoopThread() {
        if (mainLoop != null && mainLoop.inLoop()) {
            return true;
        }
        for (EventLoop loop : subLoops) {
            if (loop.inLoop()) {
                return true;
            }
        }
        return false;
    }

    /** For Action.SHUTDOWN: a loop thread cannot wait for itself. */
    void stopInBackground() {
        if (!stopping.get()) {
            Thread.ofPlatform().name("engine-shutdown").daemon(true)
                    .start(() -> stop(Duration.ofMillis(DEFAULT_STOP_TIMEOUT_MS)));
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    private void joinAll(long deadlineNs) throws InterruptedException {
        if (mainLoop != null) {
            mainLoop.join(Math.max(1, (deadlineNs - System.nanoTime()) / 1_000_000));
        }
        for (EventLoop loop : subLoops) {
            loop.join(Math.max(1, (deadlineNs - System.nanoTime()) / 1_000_000));
        }
    }

    private void awaitStopped(Duration timeout) {
        long deadlineMs = System.currentTimeMillis() + timeout.toMillis();
        synchronized (this) {
            while (!stopped) {
                long leftMs = deadlineMs - System.currentTimeMillis();
                if (leftMs <= 0) {
                    return;
                }
                try {
                    wait(leftMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
