package io.reactorbench.engine;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/** The socket options applied to every accepted connection, taken from the {@link EngineConfig}. */
record SocketSetup(boolean tcpNoDelay, boolean keepAlive, int sendBufferBytes, int receiveBufferBytes) {

    static SocketSetup of(EngineConfig config) {
        return new SocketSetup(config.tcpNoDelay(), config.keepAlive(), config.sendBufferBytes(),
                config.receiveBufferBytes());
    }

    void apply(SocketChannel channel) throws IOException {
        if (!channel.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
            return; // a Unix-domain socket: no TCP options, kernel-default buffers
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, tcpNoDelay);
        if (keepAlive) {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        }
        if (sendBufferBytes > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
        }
        if (receiveBufferBytes > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
        }
    }
}
