package io.reactorbench.engine;

import io.reactorbench.wire.spi.LingerRule;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * One reactor: a thread, a poller, and the connections it owns, served serially without locks. The main loop
 * is an EventLoop that holds only a listener; sub-loops hold connections (and, with reusePort, a listener of
 * their own). {@link #runOnce} is the whole loop — poll, dispatch, queued tasks, timers — and tests call it by
 * hand with an injected clock.
 */
final class EventLoop implements Poller.ReadySink, TimingWheel.Expiry, LeastConnectionsBalancer.Counted {

    /** Tasks run per iteration: cross-thread commands cannot starve I/O (gnet's MaxAsyncTasksAtOneTime). */
    static final int MAX_TASKS_PER_ITERATION = 256;
    /**
     * Edge-triggered only: reads per connection per readiness event. A connection with more is put back on
     * the read-again list for the next iteration, so one fast sender cannot starve the loop's other connections.
     */
    static final int READS_PER_EVENT_BUDGET = 16;
    /** Datagrams received per readiness event, so one busy UDP socket cannot starve the loop's connections. */
    static final int DATAGRAMS_PER_EVENT = 64;
    /**
     * Unread bytes a connection may accumulate: a handler that never consumes (waiting for a message that never
     * completes) must not let one peer take the heap's worth of direct memory. Above the largest rpc frame (16 MiB).
     */
    static final int MAX_UNREAD_BYTES = 64 * 1024 * 1024;
    /** Buffers per gathering write; more wait for the next write (IOV_MAX is 1024, 64 x 16 KiB is plenty). */
    static final int MAX_BUFFERS_PER_WRITE = 64;
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
    final BufferPool pool;
    final TaskQueue tasks;
    final AsyncWrites asyncWrites;
    private final CaughtFailures failures;
    /** Connections acceptors handed to this loop that it has not taken yet; least-connections counts them. */
    final HandOffCount handOffs = new HandOffCount();
    private final TimingWheel wheel;
    private final NanoClock clock;
    private final long idleTimeoutNs;
    private final long highWaterBytes;
    private final long lowWaterBytes;
    private final boolean edgeTriggered;
    private final Chunk readChunk;
    final Chunk outChunk;
    private final Conn conn;
    private final ByteBuffer[] gatherBuffers = new ByteBuffer[MAX_BUFFERS_PER_WRITE];
    private final long[] gatherAddresses = new long[MAX_BUFFERS_PER_WRITE];
    private final long[] writevAddresses = new long[MAX_BUFFERS_PER_WRITE];
    private int[] readAgain = new int[16];
    private int readAgainCount;
    private int[] readAgainBatch = new int[16];
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
        this.failures = engine.failures();
        this.tasks = new TaskQueue(poller::wakeup, t -> failures.caught("engine loop " + index + ": a queued task", t));
        this.asyncWrites = new AsyncWrites(this);
        this.wheel = new TimingWheel(WHEEL_TICK_NS, WHEEL_BUCKETS, nowNs);
        this.idleTimeoutNs = config.idleTimeoutNs();
        this.highWaterBytes = config.outboundHighWaterBytes();
        this.lowWaterBytes = config.outboundLowWaterBytes();
        this.edgeTriggered = poller.edgeTriggered();
        this.readChunk = new Chunk(config.readBufferBytes());
        this.outChunk = new Chunk(config.readBufferBytes());
        this.conn = new Conn(this);
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

    /** One iteration: poll (up to {@code maxWaitMs}, negative = as long as timers allow), dispatch, tasks, timers. */
    int runOnce(long maxWaitMs) throws IOException {
        long timeoutMs = tasks.isEmpty() && readAgainCount == 0 ? waitMs(maxWaitMs) : 0;
        clockRead = false;
        int work = poller.poll(timeoutMs, this);
        if (!clockRead) {
            nowNs = clock.nanoTime();
        }
        work += runReadAgain();
        work += tasks.drain(MAX_TASKS_PER_ITERATION);
        work += wheel.advance(nowNs, this);
        work += runTimers();
        if (shuttingDown && table.size() == 0) {
            stopped = true;
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
                failConnection(slot, "a connection", t);
            } else {
                failures.caught("engine loop " + index + ": a listener or datagram socket", t);
            }
        }
    }

    private void dispatchReady(int slot, int readyOps) {
        byte kind = table.kind(slot);
        if (kind == ConnectionTable.KIND_CONNECTION) {
            if ((readyOps & Poller.WRITABLE) != 0) {
                flush(slot);
            }
            if ((readyOps & Poller.READABLE) != 0 && table.kind(slot) == ConnectionTable.KIND_CONNECTION) {
                onReadable(slot, (readyOps & Poller.HANGUP) != 0);
            }
        } else if (kind == ConnectionTable.KIND_LISTENER && acceptor != null) {
            acceptor.onAcceptable(nowNs);
        } else if (kind == ConnectionTable.KIND_DATAGRAM) {
            onDatagramsReadable(slot);
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

    // ------------------------------------------------------------------ connection life cycle

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
        handOffs.onTaken();
        table.set(slot, ConnectionTable.WANTS_READ);
        if (idleTimeoutNs > 0) {
            wheel.schedule(slot, nowNs + idleTimeoutNs);
        }
        Action action;
        conn.bind(slot, null);
        try {
            action = handler.onOpen(conn);
        } catch (Throwable t) {
            failConnection(slot, "onOpen", t);
            return;
        }
        conn.unbind(); // else later writes from tasks (asyncWrite) look as if made inside a callback
        afterCallback(slot, action);
    }

    /**
     * Handler code, or the engine serving this connection, failed: the connection is closed with that cause
     * (as Netty's default exceptionCaught would), the failure logged once, and the loop goes on.
     */
    void failConnection(int slot, String where, Throwable failure) {
        failures.caught("engine loop " + index + ": " + where, failure);
        conn.unbind();
        conn.takeCloseRequest();
        conn.takeWriteFailure();
        closeNow(slot, failure);
    }

    private void onReadable(int slot, boolean hangup) {
        int state = table.state(slot);
        if ((state & ConnectionTable.LINGERING) != 0) {
            discardInput(slot);
            return;
        }
        if ((state & (ConnectionTable.PAUSED_BY_HANDLER | ConnectionTable.PAUSED_BY_BACKPRESSURE
                | ConnectionTable.INPUT_CLOSED | ConnectionTable.CLOSING)) != 0) {
            if (hangup && !edgeTriggered) {
                closeNow(slot, new ClosedChannelException()); // level-triggered HUP repeats until we close
            }
            return;
        }
        int budget = edgeTriggered ? READS_PER_EVENT_BUDGET : 1;
        ByteBuffer buffer = readChunk.buffer;
        while (budget-- > 0) {
            buffer.clear();
            int n = poller.read(slot, buffer, readChunk.address);
            if (n == Poller.WOULD_BLOCK) {
                return;
            }
            if (n == Poller.EOF) {
                onInputClosed(slot);
                return;
            }
            if (n == Poller.FAILED) {
                closeNow(slot, poller.lastFailure());
                return;
            }
            table.touch(slot, nowNs);
            buffer.flip();
            Chunk inbound = table.inbound(slot);
            if (inbound == null) {
                dispatchTraffic(slot, readChunk);
            } else {
                if (InboundBuffer.readable(inbound) > MAX_UNREAD_BYTES) {
                    closeNow(slot, new IOException("peer sent over " + MAX_UNREAD_BYTES + " bytes the handler left unread"));
                    return;
                }
                inbound = InboundBuffer.append(pool, inbound, buffer);
                table.inbound(slot, inbound);
                dispatchTraffic(slot, inbound);
            }
            if (!readable(slot)) {
                return;
            }
            if (n < buffer.capacity() && !(hangup && edgeTriggered)) {
                return; // a short read drained the socket; new bytes bring a new event (but a FIN seen with this edge won't)
            }
        }
        if (edgeTriggered) {
            scheduleReadAgain(slot);
        }
    }

    private boolean readable(int slot) {
        return table.kind(slot) == ConnectionTable.KIND_CONNECTION
                && !table.has(slot, ConnectionTable.PAUSED_BY_HANDLER | ConnectionTable.PAUSED_BY_BACKPRESSURE
                        | ConnectionTable.INPUT_CLOSED | ConnectionTable.CLOSING | ConnectionTable.LINGERING);
    }

    /** Calls onTraffic with {@code view} (the loop's read buffer or the connection's inbound chunk). */
    private void dispatchTraffic(int slot, Chunk view) {
        conn.bind(slot, view);
        Action action;
        try {
            action = handler.onTraffic(conn);
        } catch (Throwable t) {
            failConnection(slot, "onTraffic", t);
            return;
        }
        conn.unbind();
        keepUnread(slot, view);
        afterCallback(slot, action);
    }

    /** Only the bytes the handler left unread are copied, and only out of the shared read buffer. */
    private void keepUnread(int slot, Chunk view) {
        if (view == readChunk) {
            if (readChunk.buffer.hasRemaining()) {
                table.inbound(slot, InboundBuffer.of(pool, readChunk.buffer));
            }
        } else if (view != null && !view.buffer.hasRemaining()) {
            table.inbound(slot, null);
            pool.release(view);
        }
    }

    private void afterCallback(int slot, Action action) {
        boolean closeRequested = conn.takeCloseRequest();
        IOException writeFailure = conn.takeWriteFailure();
        if (table.kind(slot) != ConnectionTable.KIND_CONNECTION) {
            return;
        }
        if (writeFailure != null) {
            closeNow(slot, writeFailure);
            return;
        }
        if (action == Action.SHUTDOWN) {
            engine.stopInBackground();
        }
        if (closeRequested || action == Action.CLOSE) {
            closeGracefully(slot);
            return;
        }
        checkBackpressure(slot);
        updateInterest(slot);
    }

    /** wake(): onTraffic with whatever is buffered (possibly nothing). */
    void wake(int slot) {
        Chunk inbound = table.inbound(slot);
        if (inbound != null) {
            dispatchTraffic(slot, inbound);
        } else {
            readChunk.buffer.clear().limit(0);
            dispatchTraffic(slot, readChunk);
        }
    }

    void pauseReading(int slot) {
        table.set(slot, ConnectionTable.PAUSED_BY_HANDLER);
        if (!conn.inCallback()) {
            updateInterest(slot);
        }
    }

    /** Inside a callback only clears the pause; outside one it also delivers what is buffered. */
    void resumeReading(int slot) {
        if (!table.has(slot, ConnectionTable.PAUSED_BY_HANDLER)) {
            return;
        }
        table.clear(slot, ConnectionTable.PAUSED_BY_HANDLER);
        if (conn.inCallback()) {
            if (edgeTriggered) {
                scheduleReadAgain(slot); // bytes that arrived while paused brought no new edge
            }
            return; // afterCallback updates the interest
        }
        onResumed(slot);
    }

    private void onResumed(int slot) {
        updateInterest(slot);
        if (!readable(slot)) {
            return; // still paused for another reason, or closed because the poller refused the change
        }
        wake(slot);
        if (edgeTriggered && readable(slot)) {
            scheduleReadAgain(slot); // bytes that arrived while paused brought no new edge
        }
    }

    private void onInputClosed(int slot) {
        table.set(slot, ConnectionTable.INPUT_CLOSED);
        closeGracefully(slot); // every byte received was already handed to onTraffic: flush the answers, close
    }

    /** Stops reading, lets the outbound buffer drain, then closes (after a lingering read if input is open). */
    void closeGracefully(int slot) {
        if (table.kind(slot) != ConnectionTable.KIND_CONNECTION || table.has(slot, ConnectionTable.LINGERING)) {
            return;
        }
        table.set(slot, ConnectionTable.CLOSING);
        OutboundBuffer outbound = table.outbound(slot);
        if (outbound == null || outbound.isEmpty()) {
            finishClose(slot);
        } else {
            updateInterest(slot);
        }
    }

    private void finishClose(int slot) {
        if (table.has(slot, ConnectionTable.INPUT_CLOSED) || shuttingDown) {
            closeNow(slot, null);
            return;
        }
        // Our FIN goes out after the reply; reading on until the peer's FIN keeps an RST from destroying it.
        poller.shutdownOutput(slot);
        table.clear(slot, ConnectionTable.CLOSING);
        table.set(slot, ConnectionTable.LINGERING);
        wheel.schedule(slot, nowNs + LINGER_TIMEOUT_NS);
        updateInterest(slot);
    }

    private void discardInput(int slot) {
        ByteBuffer buffer = readChunk.buffer;
        for (int i = 0; i < READS_PER_EVENT_BUDGET; i++) {
            buffer.clear();
            int n = poller.read(slot, buffer, readChunk.address);
            if (n == Poller.WOULD_BLOCK) {
                return;
            }
            if (n < 0 || LINGER.byteCapReached(table.addLingeredBytes(slot, n))) {
                closeNow(slot, null);
                return;
            }
        }
    }

    /** Closes at once: buffers go back to the pool, the handler hears why. */
    void closeNow(int slot, Throwable cause) {
        if (table.kind(slot) != ConnectionTable.KIND_CONNECTION) {
            return;
        }
        wheel.cancel(slot);
        Chunk inbound = table.inbound(slot);
        if (inbound != null) {
            pool.release(inbound);
        }
        OutboundBuffer outbound = table.outbound(slot);
        if (outbound != null) {
            outbound.clear(pool);
        }
        conn.bind(slot, null);
        try {
            handler.onClose(conn, cause);
        } catch (Throwable t) {
            failures.caught("engine loop " + index + ": onClose", t); // and the fd is closed all the same
        } finally {
            conn.unbind();
            conn.takeCloseRequest();
            conn.takeWriteFailure();
        }
        poller.close(slot);
        table.remove(slot);
    }

    @Override
    public void onExpired(int slot, long expiredAtNs) {
        if (table.kind(slot) != ConnectionTable.KIND_CONNECTION) {
            return;
        }
        if (table.has(slot, ConnectionTable.LINGERING)) {
            closeNow(slot, null);
            return;
        }
        if (idleTimeoutNs <= 0) {
            return;
        }
        long deadlineNs = table.lastActiveNs(slot) + idleTimeoutNs;
        if (deadlineNs - expiredAtNs <= 0) {
            closeNow(slot, new TimeoutException("idle for " + idleTimeoutNs / 1_000_000 + " ms"));
        } else {
            wheel.schedule(slot, deadlineNs);
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes straight to the socket when nothing is queued; queues (copies) only what the socket did not take. */
    void write(int slot, ByteBuffer src, long srcBaseAddress) {
        if (!src.hasRemaining()) {
            return;
        }
        int state = table.state(slot);
        if ((state & ConnectionTable.LINGERING) != 0) {
            src.position(src.limit()); // output already shut down
            return;
        }
        OutboundBuffer outbound = table.outbound(slot);
        boolean wasEmpty = outbound == null || outbound.isEmpty();
        if (wasEmpty) {
            if (srcBaseAddress != 0 || !poller.needsAddresses()) {
                long n = poller.write(slot, src, srcBaseAddress);
                if (n == Poller.FAILED) {
                    src.position(src.limit());
                    onWriteFailed(slot);
                    return;
                }
                if (!src.hasRemaining()) {
                    return;
                }
            }
            if (outbound == null) {
                outbound = new OutboundBuffer();
                table.outbound(slot, outbound);
            }
        }
        outbound.append(pool, src);
        if (wasEmpty && srcBaseAddress == 0 && poller.needsAddresses()) {
            flush(slot); // a buffer without a native address: written from its copy, now
        }
        if (!conn.inCallback()) {
            checkBackpressure(slot);
            updateInterest(slot);
        }
    }

    /**
     * Several buffers in one gathering write when nothing is queued; what the socket does not take is queued,
     * buffer after buffer. {@code addresses[i]} is the native base address of {@code srcs[i]} (0 = none).
     */
    void writev(int slot, ByteBuffer[] srcs, long[] addresses, int count) {
        OutboundBuffer outbound = table.outbound(slot);
        boolean direct = (outbound == null || outbound.isEmpty()) && !table.has(slot, ConnectionTable.LINGERING);
        for (int i = 0; i < count && direct; i++) {
            direct = addresses[i] != 0 || !poller.needsAddresses();
        }
        if (direct && count > 1) {
            for (int i = 0; i < count; i++) {
                gatherAddresses[i] = addresses[i] + srcs[i].position(); // writev wants where the bytes start
            }
            long written = poller.writev(slot, srcs, gatherAddresses, count);
            if (written == Poller.FAILED) {
                for (int i = 0; i < count; i++) {
                    srcs[i].position(srcs[i].limit());
                }
                onWriteFailed(slot);
                return;
            }
            for (int i = 0; i < count && written > 0; i++) {
                int n = (int) Math.min(written, srcs[i].remaining());
                srcs[i].position(srcs[i].position() + n);
                written -= n;
            }
        }
        for (int i = 0; i < count; i++) {
            write(slot, srcs[i], addresses[i]); // the rest: written or queued, in order
        }
    }

    private void onWriteFailed(int slot) {
        if (conn.inCallback()) {
            conn.writeFailed(poller.lastFailure());
        } else {
            closeNow(slot, poller.lastFailure());
        }
    }

    /** Scratch for {@link Conn#writev}: the native address of each buffer. */
    long[] writevAddresses() {
        return writevAddresses;
    }

    long outboundBytes(int slot) {
        OutboundBuffer outbound = table.outbound(slot);
        return outbound == null ? 0 : outbound.bytes();
    }

    /** Sends queued bytes with gathering writes until the socket is full or the queue is empty. */
    void flush(int slot) {
        OutboundBuffer outbound = table.outbound(slot);
        while (outbound != null && !outbound.isEmpty()) {
            int count = outbound.gather(gatherBuffers, gatherAddresses, MAX_BUFFERS_PER_WRITE);
            long gathered = 0;
            for (int i = 0; i < count; i++) {
                gathered += gatherBuffers[i].remaining();
            }
            long n = poller.writev(slot, gatherBuffers, gatherAddresses, count);
            if (n == Poller.FAILED) {
                onWriteFailed(slot);
                return;
            }
            outbound.consume(pool, n);
            if (n < gathered) {
                break; // the socket is full: wait for writability
            }
        }
        if (conn.inCallback()) {
            return;
        }
        if (outbound != null && outbound.isEmpty() && table.has(slot, ConnectionTable.CLOSING)) {
            finishClose(slot);
            return;
        }
        checkBackpressure(slot);
        updateInterest(slot);
    }

    /** Whether asyncWrite takes bytes for this connection: not above the high-water mark (until back at the low). */
    boolean isWritable(int slot) {
        return !table.has(slot, ConnectionTable.PAUSED_BY_BACKPRESSURE);
    }

    /** The writability signal: off-loop writers refused above the high-water mark may go on. */
    private void onWritable(int slot) {
        conn.bind(slot, null);
        try {
            handler.onWritable(conn);
        } catch (Throwable t) {
            failConnection(slot, "onWritable", t);
            return;
        }
        conn.unbind();
        afterCallback(slot, Action.NONE);
    }

    private void checkBackpressure(int slot) {
        long pending = outboundBytes(slot);
        if (table.has(slot, ConnectionTable.PAUSED_BY_BACKPRESSURE)) {
            if (pending <= lowWaterBytes) {
                table.clear(slot, ConnectionTable.PAUSED_BY_BACKPRESSURE);
                onWritable(slot);
                onResumed(slot);
            }
        } else if (pending > highWaterBytes) {
            table.set(slot, ConnectionTable.PAUSED_BY_BACKPRESSURE);
        }
    }

    /** Tells the poller what this connection waits for, only when that changed (each change is a syscall on epoll). */
    private void updateInterest(int slot) {
        if (table.kind(slot) != ConnectionTable.KIND_CONNECTION) {
            return;
        }
        int state = table.state(slot);
        boolean wantRead = (state & ConnectionTable.LINGERING) != 0
                || (state & (ConnectionTable.PAUSED_BY_HANDLER | ConnectionTable.PAUSED_BY_BACKPRESSURE
                        | ConnectionTable.INPUT_CLOSED | ConnectionTable.CLOSING)) == 0;
        OutboundBuffer outbound = table.outbound(slot);
        boolean wantWrite = outbound != null && !outbound.isEmpty();
        if (outbound != null && outbound.isEmpty()) {
            table.outbound(slot, null); // an idle connection keeps no outbound buffer
        }
        boolean hadRead = (state & ConnectionTable.WANTS_READ) != 0;
        boolean hadWrite = (state & ConnectionTable.WANTS_WRITE) != 0;
        if (wantRead != hadRead || wantWrite != hadWrite) {
            if (!poller.interest(slot, wantRead, wantWrite)) {
                closeNow(slot, poller.lastFailure()); // its readiness would no longer be what this table says
                return;
            }
            int flags = (wantRead ? ConnectionTable.WANTS_READ : 0) | (wantWrite ? ConnectionTable.WANTS_WRITE : 0);
            table.clear(slot, ConnectionTable.WANTS_READ | ConnectionTable.WANTS_WRITE);
            table.set(slot, flags);
        }
    }

    // ------------------------------------------------------------------ edge-triggered read-again list

    private void scheduleReadAgain(int slot) {
        if (readAgainCount == readAgain.length) {
            readAgain = java.util.Arrays.copyOf(readAgain, readAgainCount * 2);
        }
        readAgain[readAgainCount++] = slot;
    }

    private int runReadAgain() {
        int count = readAgainCount;
        if (count == 0) {
            return 0;
        }
        // swap the two lists: slots scheduled while running these go to the next iteration
        int[] batch = readAgain;
        readAgain = readAgainBatch.length >= batch.length ? readAgainBatch : new int[batch.length];
        readAgainBatch = batch;
        readAgainCount = 0;
        for (int i = 0; i < count; i++) {
            int slot = batch[i];
            try {
                if (readable(slot)) {
                    onReadable(slot, false);
                }
            } catch (Throwable t) {
                failConnection(slot, "a connection", t);
            }
        }
        return count;
    }

    // ------------------------------------------------------------------ datagrams

    SocketAddress bindDatagram(java.net.InetSocketAddress address, boolean reusePort) throws IOException {
        int slot = poller.bindDatagram(address, reusePort);
        table.addDatagram(slot);
        return poller.localAddress(slot);
    }

    private void onDatagramsReadable(int slot) {
        ByteBuffer buffer = readChunk.buffer;
        for (int i = 0; i < DATAGRAMS_PER_EVENT && !shuttingDown; i++) {
            buffer.clear();
            int n = poller.receive(slot, buffer, readChunk.address);
            if (n < 0) {
                return; // NO_DATAGRAM, or a failure such as a queued ICMP error: nothing to deliver
            }
            buffer.flip();
            conn.bindDatagram(slot, readChunk);
            Action action;
            try {
                action = handler.onTraffic(conn);
            } catch (Throwable t) {
                failures.caught("engine loop " + index + ": onTraffic of a datagram", t);
                action = Action.NONE; // one bad datagram does not take the socket down
            }
            conn.unbind();
            conn.takeCloseRequest();
            conn.takeWriteFailure();
            if (action == Action.SHUTDOWN) {
                engine.stopInBackground();
            }
        }
    }

    /** A reply to the sender of the datagram being handled: sent whole or dropped, never queued. */
    void sendDatagram(int slot, ByteBuffer src, long srcBaseAddress) {
        if (srcBaseAddress == 0 && poller.needsAddresses()) {
            Chunk copy = pool.acquire(src.remaining());
            copy.buffer.clear();
            copy.buffer.put(src).flip();
            poller.sendToLastSender(slot, copy.buffer, copy.address);
            pool.release(copy);
            return;
        }
        poller.sendToLastSender(slot, src, srcBaseAddress);
    }

    SocketAddress lastSender() {
        return poller.lastSender();
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
                if (table.has(slot, ConnectionTable.LINGERING)) {
                    closeNow(slot, null);
                } else {
                    closeGracefully(slot);
                }
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
                closeNow(slot, null);
            } else if (table.kind(slot) == ConnectionTable.KIND_DATAGRAM) {
                poller.close(slot);
                table.remove(slot);
            }
        }
        tasks.close(); // before the poller: no wake-up may write to its fd once that is closed
        poller.close();
    }

    SocketAddress remoteAddress(int slot) {
        return poller.remoteAddress(slot);
    }

    SocketAddress localAddress(int slot) {
        return poller.localAddress(slot);
    }

    Chunk readChunk() {
        return readChunk;
    }
}
