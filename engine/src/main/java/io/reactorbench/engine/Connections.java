package io.reactorbench.engine;

import static io.reactorbench.engine.ConnectionLifecycle.ABORTED;
import static io.reactorbench.engine.ConnectionLifecycle.CLOSE;
import static io.reactorbench.engine.ConnectionLifecycle.CLOSE_REQUESTED;
import static io.reactorbench.engine.ConnectionLifecycle.FINISH_IF_DRAINED;
import static io.reactorbench.engine.ConnectionLifecycle.LINGERING;
import static io.reactorbench.engine.ConnectionLifecycle.LINGER_ENDED;
import static io.reactorbench.engine.ConnectionLifecycle.OUTBOUND_DRAINED;
import static io.reactorbench.engine.ConnectionLifecycle.RESUME_READING;
import static io.reactorbench.engine.ConnectionLifecycle.SHUT_OUTPUT;
import static io.reactorbench.engine.ConnectionLifecycle.SIGNAL_WRITABLE;
import static io.reactorbench.engine.ConnectionLifecycle.START_LINGER_DEADLINE;
import static io.reactorbench.engine.ConnectionLifecycle.UPDATE_INTEREST;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * What a loop does to its connections between reading and writing: opens them, calls the handler about them,
 * moves them through {@link ConnectionLifecycle}'s table carrying out each transition's effects ({@link #on}), keeps
 * the poller told what each waits for, and closes them — also when their idle or linger deadline comes due.
 * Loop-confined; one per loop, on the loop's own fields.
 */
final class Connections implements TimingWheel.Expiry {

    private final EventLoop loop;
    private final ConnectionTable table;
    private final Poller poller;
    private final BufferPool pool;
    private final EventHandler handler;
    private final Conn conn;
    private final TimingWheel wheel;
    private final CaughtFailures failures;
    private final long idleTimeoutNs;

    Connections(EventLoop loop, TimingWheel wheel, CaughtFailures failures, long idleTimeoutNs) {
        this.loop = loop;
        this.table = loop.table;
        this.poller = loop.poller;
        this.pool = loop.pool;
        this.handler = loop.handler;
        this.conn = loop.conn;
        this.wheel = wheel;
        this.failures = failures;
        this.idleTimeoutNs = idleTimeoutNs;
    }

    // ------------------------------------------------------------------ handler callbacks

    /** A connection just added to the table: it waits for reads, its idle deadline starts, the handler hears of it. */
    void open(int slot, long nowNs) {
        table.set(slot, ConnectionTable.WANTS_READ);
        if (idleTimeoutNs > 0) {
            wheel.schedule(slot, nowNs + idleTimeoutNs);
        }
        Action action;
        conn.bind(slot, null);
        try {
            action = handler.onOpen(conn);
        } catch (Throwable t) {
            fail(slot, "onOpen", t);
            return;
        }
        conn.unbind(); // else later writes from tasks (asyncWrite) look as if made inside a callback
        afterCallback(slot, action);
    }

    /** Calls onTraffic with {@code view} (the loop's read buffer or the connection's inbound chunk). */
    void dispatchTraffic(int slot, Chunk view) {
        conn.bind(slot, view);
        Action action;
        try {
            action = handler.onTraffic(conn);
        } catch (Throwable t) {
            fail(slot, "onTraffic", t);
            return;
        }
        conn.unbind();
        keepUnread(slot, view);
        afterCallback(slot, action);
    }

    /**
     * Only the bytes the handler left unread are copied, and only out of the shared read buffer (or out of the
     * read-copy ablation's heap copy, which is not the connection's to keep).
     */
    private void keepUnread(int slot, Chunk view) {
        if (view == loop.readChunk || (view != null && view.isReadCopy())) {
            if (view.buffer.hasRemaining()) {
                table.inbound(slot, InboundBuffer.of(pool, view.buffer));
            }
        } else if (view != null && !view.buffer.hasRemaining()) {
            table.inbound(slot, null);
            pool.release(view);
        }
    }

    /** wake(): onTraffic with whatever is buffered (possibly nothing). */
    void wake(int slot) {
        Chunk inbound = table.inbound(slot);
        if (inbound != null) {
            dispatchTraffic(slot, inbound);
        } else {
            loop.readChunk.buffer.clear().limit(0);
            dispatchTraffic(slot, loop.readChunk);
        }
    }

    /** The writability signal: off-loop writers refused above the high-water mark may go on. */
    private void onWritable(int slot) {
        conn.bind(slot, null);
        try {
            handler.onWritable(conn);
        } catch (Throwable t) {
            fail(slot, "onWritable", t);
            return;
        }
        conn.unbind();
        afterCallback(slot, Action.NONE);
    }

    private void afterCallback(int slot, Action action) {
        boolean closeRequested = conn.takeCloseRequest();
        IOException writeFailure = conn.takeWriteFailure();
        if (table.kind(slot) != ConnectionTable.KIND_CONNECTION) {
            return;
        }
        if (writeFailure != null) {
            on(slot, ABORTED, writeFailure);
            return;
        }
        if (action == Action.SHUTDOWN) {
            loop.engine.stopInBackground();
        }
        if (closeRequested || action == Action.CLOSE) {
            on(slot, CLOSE_REQUESTED, null);
            return;
        }
        loop.writes.checkBackpressure(slot);
        updateInterest(slot);
    }

    /**
     * Handler code, or the engine serving this connection, failed: the connection is closed with that cause
     * (as Netty's default exceptionCaught would), the failure logged once, and the loop goes on.
     */
    void fail(int slot, String where, Throwable failure) {
        failures.caught("engine loop " + loop.index + ": " + where, failure);
        conn.unbind();
        conn.takeCloseRequest();
        conn.takeWriteFailure();
        closeNow(slot, failure);
    }

    // ------------------------------------------------------------------ the lifecycle

    /** Stops reading, lets the outbound buffer drain, then closes (after a lingering read if input is open). */
    void closeGracefully(int slot) {
        if (table.kind(slot) == ConnectionTable.KIND_CONNECTION) {
            on(slot, CLOSE_REQUESTED, null);
        }
    }

    /** Closes at once (a no-op for a slot already closed): buffers go back to the pool, the handler hears why. */
    void closeNow(int slot, Throwable cause) {
        if (table.kind(slot) == ConnectionTable.KIND_CONNECTION) {
            on(slot, ABORTED, cause);
        }
    }

    /**
     * Moves an open connection by {@code event} through the lifecycle table and carries out the transition's
     * effects (CLOSE alone; else the new state first, then the others in the order below). {@code cause} is what
     * onClose hears if this closes the connection.
     */
    void on(int slot, int event, Throwable cause) {
        int state = table.state(slot);
        int cell = ConnectionLifecycle.cell(state, event);
        if (cell == ConnectionLifecycle.REFUSED) { // an engine bug: caught and logged like any failure on the loop
            throw new IllegalStateException("connection lifecycle refuses " + ConnectionLifecycle.eventName(event)
                    + " in " + ConnectionLifecycle.phaseName(state));
        }
        int effects = ConnectionLifecycle.effects(cell);
        if ((effects & CLOSE) != 0) {
            release(slot, cause);
            return;
        }
        table.state(slot, ConnectionLifecycle.next(state, cell));
        if ((effects & SHUT_OUTPUT) != 0) {
            poller.shutdownOutput(slot); // our FIN after the reply; reading on until the peer's keeps an RST away
        }
        if ((effects & START_LINGER_DEADLINE) != 0) {
            wheel.schedule(slot, loop.nowNs() + EventLoop.LINGER_TIMEOUT_NS);
        }
        if ((effects & SIGNAL_WRITABLE) != 0) {
            onWritable(slot);
        }
        if ((effects & RESUME_READING) != 0) {
            loop.reads.resume(slot);
        }
        if ((effects & FINISH_IF_DRAINED) != 0 && loop.writes.outboundBytes(slot) == 0) {
            on(slot, OUTBOUND_DRAINED, null);
            return;
        }
        if ((effects & (UPDATE_INTEREST | FINISH_IF_DRAINED)) != 0 && !conn.inCallback()) {
            updateInterest(slot); // inside a callback, afterCallback does it
        }
    }

    /** The CLOSE effect: buffers back to the pool, onClose, socket closed, slot freed (its generation bumped). */
    private void release(int slot, Throwable cause) {
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
            failures.caught("engine loop " + loop.index + ": onClose", t); // and the fd is closed all the same
        } finally {
            conn.unbind();
            conn.takeCloseRequest();
            conn.takeWriteFailure();
        }
        poller.close(slot);
        table.remove(slot);
        loop.lookup.onClose(slot);
    }

    @Override
    public void onExpired(int slot, long expiredAtNs) {
        if (table.kind(slot) != ConnectionTable.KIND_CONNECTION) {
            return;
        }
        if (ConnectionLifecycle.phase(table.state(slot)) == LINGERING) {
            on(slot, LINGER_ENDED, null);
            return;
        }
        if (idleTimeoutNs <= 0) {
            return;
        }
        long deadlineNs = table.lastActiveNs(slot) + idleTimeoutNs;
        if (deadlineNs - expiredAtNs <= 0) {
            on(slot, ABORTED, new TimeoutException("idle for " + idleTimeoutNs / 1_000_000 + " ms"));
        } else {
            wheel.schedule(slot, deadlineNs);
        }
    }

    /** Tells the poller what this connection waits for, only when that changed (each change is a syscall on epoll). */
    void updateInterest(int slot) {
        if (table.kind(slot) != ConnectionTable.KIND_CONNECTION) {
            return;
        }
        int state = table.state(slot);
        boolean wantRead = ConnectionLifecycle.wantsRead(state);
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
}
