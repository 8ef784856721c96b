package io.reactorbench.engine;

import io.reactorbench.wire.spi.LingerRule;
import java.io.IOException;
import java.net.SocketAddress;

/**
 * One reactor: a thread, a poller, and the connections it owns, served serially without locks. The main loop
 * is an EventLoop that holds only a listener; sub-loops hold connections (and, with reusePort, a listener of
 * their own). {@link #runOnce} is the whole loop — poll, dispatch, queued tasks, timers — and tests call it by
 * hand with an injected clock. What it does to a ready socket lives beside it, one final class each on the loop's
 * own fields: {@link ReadPath}, {@link WritePath}, {@link DatagramPath}, and {@link Connections}, which moves each
 * connection through the {@link ConnectionLifecycle} table.
 */
final class EventLoop implements Poller.ReadySink, LeastConnectionsBalancer.Counted {

    /** Tasks run per iteration: cross-thread commands cannot starve I/O (gnet's MaxAsyncTasksAtOneTime). */
    static final int MAX_TASKS_PER_ITERATION = 256;
    /**
     * How long, and how many bytes, a closed connection keeps reading and discarding after its last reply, so the
     * reply is not lost to an RST: the rule every design applies.
     */
    static final LingerRule LINGER = LingerRule.IN_FORCE;
    static final long LINGER_TIMEOUT_NS = LINGER.timeoutNs();
    /** Timing-wheel resolution: idle timeouts fire up to this late. */
    static final long WHEEL_TICK_NS = 10_000_000L;
    private static final int WHEEL_BUCKETS = 512;
    /**
     * Pause after a failure escaped an iteration (handler code is caught closer to where it runs, so this is the
     * engine's own or the poller's): a failure that repeats every iteration must not spin a core writing logs.
     */
    private static final long FAILED_ITERATION_PAUSE_MS = 100;
    private static final int POOLED_CHUNKS_PER_LOOP = 1024;

    final int index;
    final Engine engine;
    final EventHandler handler;
    final Poller poller;
    final ConnectionTable table = new ConnectionTable();
    /** {@link SlotLookup} (nothing to do), or the gnet-shaped map ablation. */
    final ConnectionLookup lookup;
    final BufferPool pool;
    final TaskQueue tasks;
    final AsyncWrites asyncWrites;
    private final CaughtFailures failures;
    /** Connections acceptors handed to this loop that it has not taken yet; least-connections counts them. */
    final HandOffCount handOffs = new HandOffCount();
    private final TimingWheel wheel;
    private final NanoClock clock;
    /** The loop's one read buffer, shared by its connections: only bytes a handler leaves unread are copied out. */
    final Chunk readChunk;
    final Chunk outChunk;
    final Conn conn;
    final Connections connections;
    final ReadPath reads;
    final WritePath writes;
    final DatagramPath datagrams;
    private Acceptor acceptor;
    /** Accepted sockets this loop could not register (an option or epoll_ctl refused); from any thread. */
    private volatile long failedRegistrations;
    private long nextTickNs = Long.MAX_VALUE;
    private long nowNs;
    private boolean clockRead;
    private boolean shuttingDown;
    private volatile boolean stopped;
    private Thread thread;

    /** @param index the sub-loop's index; the main loop has index {@code loops} */
    EventLoop(int index, LoopRole role, Engine engine, EventHandler handler, Poller poller, EngineConfig config) {
        this.index = index;
        this.engine = engine;
        this.handler = handler;
        this.poller = poller;
        this.clock = config.clock();
        this.nowNs = clock.nanoTime();
        this.pool = new BufferPool(config.chunkBytes(), POOLED_CHUNKS_PER_LOOP);
        this.lookup = config.connectionTable() == ConnectionTableKind.MAP ? new MappedConnections() : SlotLookup.INSTANCE;
        this.failures = engine.failures();
        this.tasks = new TaskQueue(poller::wakeup, t -> failures.caught("engine loop " + index + ": a queued task", t));
        this.asyncWrites = new AsyncWrites(this);
        this.wheel = new TimingWheel(WHEEL_TICK_NS, WHEEL_BUCKETS, nowNs);
        this.readChunk = new Chunk(config.readBufferBytes());
        this.outChunk = new Chunk(config.readBufferBytes());
        this.conn = new Conn(this);
        this.connections = new Connections(this, wheel, failures, config.idleTimeoutNs());
        this.reads = new ReadPath(this, config.readDelivery());
        this.writes = new WritePath(this, config.outboundHighWaterBytes(), config.outboundLowWaterBytes());
        this.datagrams = new DatagramPath(this, failures);
        if (handler.ticks() && role == LoopRole.SUB) {
            nextTickNs = nowNs; // the first tick comes with the first iteration
        }
    }

    // ------------------------------------------------------------------ the loop

    void start(String name) {
        thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
        thread.start();
    }

    private void run() {
        try {
            while (!stopped) {
                try {
                    runOnce(-1);
                } catch (PollerFailedException e) { // every next poll would fail too: stop, closing what it holds
                    failures.caught("engine loop " + index + " stopped", e);
                    return; // finally closes its connections and its task queue, so later hand-offs are closed
                } catch (Throwable t) { // the loop keeps serving: the acceptor goes on handing it connections
                    failures.caught("engine loop " + index, t);
                    pauseAfterFailure();
                }
            }
        } finally {
            closeEverything();
        }
    }

    private static void pauseAfterFailure() {
        try {
            Thread.sleep(FAILED_ITERATION_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One iteration: poll (up to {@code maxWaitMs}, negative = as long as timers allow), dispatch, tasks, timers. The
     * running loop passes -1, and its queued writes go with the next poll; a bounded step also submits them.
     */
    int runOnce(long maxWaitMs) throws IOException {
        long timeoutMs = tasks.isEmpty() && !reads.hasReadAgain() ? waitMs(maxWaitMs) : 0;
        clockRead = false;
        int work = poller.poll(timeoutMs, this);
        if (!clockRead) {
            nowNs = clock.nanoTime();
        }
        work += reads.runReadAgain();
        work += tasks.drain(MAX_TASKS_PER_ITERATION);
        work += wheel.advance(nowNs, connections);
        work += runTimers();
        if (shuttingDown && table.size() == 0) {
            stopped = true;
        }
        if (maxWaitMs >= 0) {
            poller.submitQueued(); // a bounded step (a test stepping by hand) leaves its writes on the wire
        }
        return work;
    }

    private long waitMs(long maxWaitMs) {
        long waitNs = Long.MAX_VALUE;
        long wheelNs = wheel.nanosToNextTick(nowNs);
        if (wheelNs >= 0) {
            waitNs = wheelNs;
        }
        if (nextTickNs != Long.MAX_VALUE) {
            waitNs = Math.min(waitNs, Math.max(0, nextTickNs - nowNs));
        }
        if (acceptor != null && acceptor.resumeAtNs() != Long.MAX_VALUE) {
            waitNs = Math.min(waitNs, Math.max(0, acceptor.resumeAtNs() - nowNs));
        }
        long waitMs = waitNs == Long.MAX_VALUE ? -1 : (waitNs + 999_999) / 1_000_000; // round up: never spin early
        if (maxWaitMs >= 0) {
            waitMs = waitMs < 0 ? maxWaitMs : Math.min(waitMs, maxWaitMs);
        }
        return waitMs;
    }

    private int runTimers() {
        int work = 0;
        if (nowNs - nextTickNs >= 0) {
            long delayNs;
            try {
                delayNs = handler.onTick(index);
            } catch (Throwable t) { // like a periodic task of a ScheduledExecutorService: no more runs
                failures.caught("engine loop " + index + ": onTick (ticking stops on this loop)", t);
                delayNs = -1;
            }
            nextTickNs = delayNs < 0 ? Long.MAX_VALUE : nowNs + delayNs;
            work++;
        }
        if (acceptor != null) {
            work += acceptor.maybeResume(nowNs);
        }
        return work;
    }

    @Override
    public void onReady(int slot, int readyOps) {
        if (!clockRead) { // once per poll, after the wait: activity times and deadlines use this
            nowNs = clock.nanoTime();
            clockRead = true;
        }
        try {
            dispatchReady(slot, readyOps);
        } catch (Throwable t) { // e.g. out of direct memory for a connection's unread bytes
            if (table.kind(slot) == ConnectionTable.KIND_CONNECTION) {
                connections.fail(slot, "a connection", t);
            } else {
                failures.caught("engine loop " + index + ": a listener or datagram socket", t);
            }
        }
    }

    private void dispatchReady(int readySlot, int readyOps) {
        int slot = readySlot;
        byte kind = table.kind(slot);
        if (kind == ConnectionTable.KIND_CONNECTION) {
            slot = lookup.onEvent(slot, nowNs);
            if ((readyOps & Poller.WRITABLE) != 0) {
                writes.flush(slot);
            }
            if ((readyOps & Poller.READABLE) != 0 && table.kind(slot) == ConnectionTable.KIND_CONNECTION) {
                reads.onReadable(slot, (readyOps & Poller.HANGUP) != 0);
            }
        } else if (kind == ConnectionTable.KIND_LISTENER && acceptor != null) {
            acceptor.onAcceptable(nowNs);
        } else if (kind == ConnectionTable.KIND_DATAGRAM) {
            datagrams.onReadable(slot);
        }
    }

    // ------------------------------------------------------------------ cross-thread entry points

    /** From any thread: runs {@code task} on this loop. */
    void execute(Runnable task) {
        tasks.offer(task);
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Open connections plus those handed over and not yet taken (what least-connections balances). */
    @Override
    public int connectionCount() {
        int pending = handOffs.pending(); // before the size: see HandOffCount.taken
        return pending + table.size();
    }

    Acceptor acceptor() {
        return acceptor;
    }

    long failedRegistrations() {
        return failedRegistrations;
    }

    long connectionId(int slot) {
        return ConnectionId.of(index, table.generation(slot), slot);
    }

    /** The slot of {@code connId} if it still names an open connection of this loop, else -1. */
    int slotOf(long connId) {
        int slot = ConnectionId.slot(connId);
        int generation = ConnectionId.generation(connId);
        return table.kind(slot) == ConnectionTable.KIND_CONNECTION && table.generation(slot) == generation ? slot : -1;
    }

    /** On this loop: takes over an accepted socket. */
    void adopt(Object accepted) {
        if (shuttingDown) {
            poller.discard(accepted);
            handOffs.onTaken();
            return;
        }
        int slot;
        try {
            slot = poller.register(accepted);
        } catch (IOException e) {
            handOffs.onTaken();
            failedRegistrations++; // single writer: this loop. The socket is closed; the handler never saw it
            return;
        }
        table.addConnection(slot, nowNs);
        lookup.onOpen(slot, nowNs);
        handOffs.onTaken();
        connections.open(slot, nowNs);
    }

    /** The time of this iteration's poll (read once per poll, after the wait). */
    long nowNs() {
        return nowNs;
    }

    boolean isShuttingDown() {
        return shuttingDown;
    }

    // ------------------------------------------------------------------ listeners and shutdown

    SocketAddress listen(SocketAddress address, boolean reusePort, int backlog, LoadBalancer balancer,
            EventLoop[] targets) throws IOException {
        int slot = poller.listen(address, reusePort, backlog);
        table.addListener(slot);
        acceptor = new Acceptor(this, slot, balancer, targets);
        return poller.listenerAddress(slot);
    }

    /** On this loop: stop accepting, close every connection once its replies are out, then stop. */
    void beginShutdown() {
        shuttingDown = true;
        if (acceptor != null) {
            acceptor.close();
            acceptor = null;
        }
        for (int slot = 0; slot < table.capacity(); slot++) {
            if (table.kind(slot) == ConnectionTable.KIND_CONNECTION) {
                connections.on(slot, ConnectionLifecycle.STOPPING, null);
            }
        }
    }

    /** From any thread: stop now; the loop closes what is left as it exits. */
    void stopNow() {
        stopped = true;
        if (thread == null) {
            closeEverything(); // never started: a test stepped it by hand
        } else {
            tasks.wakeup(); // not the poller's: once the loop has closed it, its wake-up fd number may be reused
        }
    }

    boolean join(long timeoutMs) throws InterruptedException {
        if (thread == null) {
            return true;
        }
        return thread.join(java.time.Duration.ofMillis(Math.max(1, timeoutMs)));
    }

    /** Closes listener, connections and poller; queued tasks are abandoned first (their fds closed, callbacks failed). */
    void closeEverything() {
        if (tasks.isClosed()) {
            return; // already closed (a failed start closes loops that never ran): the poller's fds are gone
        }
        if (acceptor != null) {
            acceptor.close();
        }
        for (int slot = 0; slot < table.capacity(); slot++) {
            if (table.kind(slot) == ConnectionTable.KIND_CONNECTION) {
                connections.closeNow(slot, null);
            } else if (table.kind(slot) == ConnectionTable.KIND_DATAGRAM) {
                poller.close(slot);
                table.remove(slot);
            }
        }
        tasks.close(); // before the poller: no wake-up may write to its fd once that is closed
        poller.close();
    }
}
