package io.reactorbench.engine.apps;

import io.reactorbench.engine.Action;
import io.reactorbench.engine.Conn;
import io.reactorbench.engine.EventHandler;
import io.reactorbench.wire.app.ServerSession;
import io.reactorbench.wire.spi.App;
import java.nio.ByteBuffer;

/**
 * rpc and http on the engine, driving the shared {@link ServerSession}: requests are parsed straight from the
 * loop's read buffer, replies built in the loop's out buffer and written once per read. Blocking work goes to
 * the engine's offload executor while the connection stops reading; when it is done, {@code Engine.wake} brings
 * the connection back to its loop, which writes the reply and carries on. CPU work is spun on the loop.
 */
public final class SessionHandler implements EventHandler {

    private final App app;

    public SessionHandler(App app) {
        this.app = app;
    }

    @Override
    public Action onOpen(Conn conn) {
        conn.context(new SessionState(ServerSession.create(app)));
        return Action.NONE;
    }

    @Override
    public Action onTraffic(Conn conn) {
        SessionState state = (SessionState) conn.context();
        if (state.blocked) {
            if (!state.workFinished) {
                return Action.NONE; // woken for another reason; the offloaded work is still running
            }
            state.blocked = false;
            state.workFinished = false;
            state.session.workDone();
            conn.resumeReading();
        }
        ByteBuffer in = conn.inbound();
        ByteBuffer out = conn.outBuffer();
        long highWaterBytes = conn.engine().config().outboundHighWaterBytes();
        while (true) {
            ServerSession.Outcome outcome = state.session.process(in, out);
            switch (outcome) {
                case NEED_INPUT -> {
                    send(conn, out);
                    return Action.NONE;
                }
                case OUTPUT_FULL -> {
                    send(conn, out);
                    if (conn.outboundBuffered() > highWaterBytes) {
                        return Action.NONE; // the loop stops reading and calls us again once it drained
                    }
                }
                case BLOCK -> {
                    send(conn, out);
                    offload(conn, state);
                    return Action.NONE;
                }
                case CLOSE -> {
                    send(conn, out);
                    return Action.CLOSE;
                }
            }
        }
    }

    private static void offload(Conn conn, SessionState state) {
        state.blocked = true;
        conn.pauseReading();
        long connId = conn.id();
        long blockMicros = state.session.blockMicros();
        var engine = conn.engine();
        engine.offload().execute(() -> {
            io.reactorbench.wire.Work.block(blockMicros);
            state.workFinished = true;
            engine.wake(connId); // the task queue publishes workFinished to the loop
        });
    }

    private static void send(Conn conn, ByteBuffer out) {
        out.flip();
        if (out.hasRemaining()) {
            conn.write(out);
        }
        out.clear();
    }

    /** Per-connection state: the protocol session and the offload handshake. */
    static final class SessionState {
        final ServerSession session;
        boolean blocked;
        volatile boolean workFinished;

        SessionState(ServerSession session) {
            this.session = session;
        }
    }
}
