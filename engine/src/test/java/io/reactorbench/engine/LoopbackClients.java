package io.reactorbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** Blocking loopback clients of an engine, for tests that step its loops by hand ({@link Engine#open}) or not. */
final class LoopbackClients {

    private LoopbackClients() {
    }

    /** Connects, lets the main loop accept and queue the hand-over, lets {@code loop} adopt it (onOpen). */
    static SocketChannel connectAndAdopt(Engine engine, EventLoop loop) throws IOException {
        SocketChannel client = SocketChannel.open(engine.address());
        engine.mainLoop().runOnce(0);
        loop.runOnce(0);
        return client;
    }

    /** Sends {@code text}, steps {@code loop} once, returns what came back (as many bytes as were sent). */
    static String roundTrip(SocketChannel client, EventLoop loop, String text) throws IOException {
        client.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        loop.runOnce(0);
        return read(client, text.length());
    }

    /** Reads {@code bytes} bytes, or fewer if the peer closes first. */
    static String read(SocketChannel client, int bytes) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(bytes);
        while (in.hasRemaining()) {
            if (client.read(in) < 0) {
                break;
            }
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
    }
}
