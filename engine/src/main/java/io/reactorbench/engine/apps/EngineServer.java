package io.reactorbench.engine.apps;

import io.reactorbench.engine.Engine;
import io.reactorbench.wire.spi.RunningServer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;

/** An {@link Engine} seen through the server SPI. */
final class EngineServer implements RunningServer {

    private final Engine engine;

    EngineServer(Engine engine) {
        this.engine = engine;
    }

    @Override
    public InetSocketAddress address() {
        return engine.address();
    }

    @Override
    public SocketAddress boundAddress() {
        return engine.boundAddress();
    }

    @Override
    public int openConnections() {
        return engine.openConnections();
    }

    @Override
    public long rejectedOnFdLimit() {
        return engine.rejectedOnFdLimit();
    }

    @Override
    public void stop(Duration timeout) {
        engine.stop(timeout);
    }
}
