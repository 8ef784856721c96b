package io.reactorbench.baseline.nio;

import io.reactorbench.wire.Work;
import io.reactorbench.wire.app.ServerSession;
import io.reactorbench.wire.spi.LingerRule;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * One connection served by its own thread with blocking I/O: read, let the session process, write what it
 * produced, repeat. One session, one read buffer and one output buffer per connection.
 */
final class BlockingConnection implements Runnable {

    /**
     * Per-connection buffers, held for the connection's life as a plain blocking server does (8 KiB like Tomcat's,
     * Go's net/http holds 4 + 4 KiB); direct so channel I/O does not copy through a temporary buffer. An idle
     * connection costs 16 KiB of direct memory plus its thread: size -XX:MaxDirectMemorySize accordingly.
     */
    static final int READ_BUFFER_BYTES = 8 * 1024;
    static final int OUT_BUFFER_BYTES = 8 * 1024;
    private static final LingerRule LINGER = LingerRule.IN_FORCE;

    private final SocketChannel channel;
    private final ServerSession session;
    private final Consumer<BlockingConnection> onClosed;
    private final Consumer<Throwable> onFailure;
    private volatile Thread thread;

    BlockingConnection(SocketChannel channel, ServerSession session, Consumer<BlockingConnection> onClosed,
            Consumer<Throwable> onFailure) {
        this.channel = channel;
        this.session = session;
        this.onClosed = onClosed;
        this.onFailure = onFailure;
    }

    void startOn(Thread newThread) {
        thread = newThread;
        newThread.start();
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void run() {
        try (channel) {
            serve(ByteBuffer.allocateDirect(READ_BUFFER_BYTES), ByteBuffer.allocateDirect(OUT_BUFFER_BYTES));
        } catch (IOException e) {
            // The peer reset the connection, or stop() closed it: either way this connection is over.
        } catch (OutOfMemoryError e) {
            onFailure.accept(e); // no direct memory left for this connection's buffers: drop it, serve the others
        } finally {
            onClosed.accept(this);
        }
    }

    private void serve(ByteBuffer in, ByteBuffer out) throws IOException {
        while (true) {
            boolean endOfInput = channel.read(in) < 0;
            in.flip();
            // At end of input (half-close) process once more: a response may still be streaming out.
            boolean keepOpen = processAll(in, out) && !endOfInput;
            in.compact();
            if (!keepOpen) {
                if (!endOfInput) {
                    lingerUntilPeerCloses();
                }
                return;
            }
            if (!in.hasRemaining()) {
                throw new IllegalStateException("session left a full read buffer unconsumed");
            }
        }
    }

    /** Processes everything in {@code in}; returns false when the session asks to close the connection. */
    private boolean processAll(ByteBuffer in, ByteBuffer out) throws IOException {
        while (true) {
            switch (session.process(in, out)) {
                case NEED_INPUT -> {
                    flush(out);
                    return true;
                }
                case OUTPUT_FULL -> flush(out);
                case BLOCK -> {
                    flush(out); // responses already produced must not wait for this request's work
                    Work.block(session.blockMicros());
                    session.workDone();
                }
                case CLOSE -> {
                    flush(out);
                    return false;
                }
            }
        }
    }

    /**
     * After the session asked to close (400, 431, Connection: close): send FIN, then read and drop what the peer
     * still sends until it closes, within the {@link LingerRule} every design applies. Closing with unread input
     * would make the kernel send a reset, which can destroy the response in the peer's receive queue before the
     * peer reads it; the rule's caps keep a peer that never closes from pinning this thread.
     */
    private void lingerUntilPeerCloses() throws IOException {
        channel.shutdownOutput();
        long deadlineNs = System.nanoTime() + LINGER.timeoutNs();
        // A blocking channel read has no timeout; the socket adaptor's stream honours SO_TIMEOUT.
        Socket socket = channel.socket();
        InputStream in = socket.getInputStream();
        byte[] scratch = new byte[READ_BUFFER_BYTES]; // once per closed connection, not per request
        long dropped = 0;
        while (!LINGER.byteCapReached(dropped)) {
            long remainingMs = Math.ceilDiv(deadlineNs - System.nanoTime(), 1_000_000L);
            if (remainingMs <= 0) {
                return;
            }
            socket.setSoTimeout((int) Math.min(remainingMs, Integer.MAX_VALUE));
            int n;
            try {
                n = in.read(scratch);
            } catch (SocketTimeoutException e) {
                return; // the time cap: close with whatever the peer still has in flight
            }
            if (n < 0) {
                return;
            }
            dropped += n;
        }
    }

    private void flush(ByteBuffer out) throws IOException {
        if (out.position() == 0) {
            return;
        }
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }

    /** Graceful stop: the serving thread sees end of input, answers what it has read, and closes. */
    void shutdownInput() {
        try {
            channel.shutdownInput();
        } catch (IOException e) {
            // Already closed.
        }
    }

    /** Abrupt stop: a thread blocked in read or write gets an AsynchronousCloseException and ends. */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is best effort here.
        }
    }
}
