package io.reactorbench.wire.app;

import io.reactorbench.wire.spi.App;

/** Creates the {@link ServerSession} of each app. */
final class ServerSessions {

    private ServerSessions() {
    }

    static ServerSession create(App app) {
        // TODO(wire): EchoSession, RpcSession, HttpSession
        throw new UnsupportedOperationException("not yet implemented: " + app);
    }
}
