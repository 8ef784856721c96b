package io.reactorbench.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A UDP echo server for the load generator's tests: answers every datagram to its sender, or misbehaves on
 * purpose (drops one datagram in {@code dropEvery}, or flips a byte of every answer) so that the tests can see
 * losses and corruption counted.
 */
final class UdpTestServer implements AutoCloseable {

    enum Mode { ECHO, DROP_SOME, CORRUPT }

    private final Mode mode;
    private final int dropEvery;
    private final DatagramChannel channel;
    private final Thread thread;
    volatile long received;
    volatile long dropped;

    UdpTestServer(Mode mode, int dropEvery) throws IOException {
        this.mode = mode;
        this.dropEvery = dropEvery;
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        thread = new Thread(this::serve, "udp-test-server-" + mode);
        thread.setDaemon(true);
        thread.start();
    }

    UdpTestServer(Mode mode) throws IOException {
        this(mode, 0);
    }

    String target() throws IOException {
        return "udp:127.0.0.1:" + ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (true) { // ends when close() closes the channel under the blocking receive
                buffer.clear();
                SocketAddress sender = channel.receive(buffer);
                long n = ++received;
                if (mode == Mode.DROP_SOME && n % dropEvery == 0) {
                    dropped++;
                    continue;
                }
                buffer.flip();
                if (mode == Mode.CORRUPT) {
                    buffer.put(buffer.limit() - 1, (byte) ~buffer.get(buffer.limit() - 1));
                }
                channel.send(buffer, sender);
            }
        } catch (ClosedChannelException closed) {
            // close() ended the test
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        channel.close();
        thread.join(5_000);
    }
}
