package io.reactorbench.engine.apps;

import io.reactorbench.engine.Action;
import io.reactorbench.engine.Conn;
import io.reactorbench.engine.EventHandler;

/**
 * echo without a session: the view of the loop's read buffer is written straight back — no copy unless the
 * socket cannot take it all, in which case only the rest is queued.
 */
public final class EchoHandler implements EventHandler {

    @Override
    public Action onTraffic(Conn conn) {
        conn.write(conn.inbound());
        return Action.NONE;
    }
}
