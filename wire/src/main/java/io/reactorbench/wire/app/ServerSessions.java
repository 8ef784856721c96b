package io.reactorbench.wire.app;

import io.reactorbench.wire.spi.App;

/** Creates the {@link ServerSession} of each app. */
final class ServerSessions {

    private ServerSessions() {
    }

    static ServerSession create(App app) {
        return switch (app) {
            case ECHO -> new EchoSession();
            case RPC -> new RpcSession();
            case HTTP -> new HttpSession();
        };
    }
}
