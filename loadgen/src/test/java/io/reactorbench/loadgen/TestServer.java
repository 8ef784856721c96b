package io.reactorbench.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A small single-threaded NIO server for the load generator's tests (loadgen shares no code with the servers
 * it measures): echo, the http plaintext response, or rpc answers; optionally it stalls its whole loop for
 * {@code stallMs} once every {@code stallEveryMs}, like a stop-the-world pause, or (the failing echoes) fails a
 * fixed share of the requests.
 */
final class TestServer implements AutoCloseable {

    /**
     * {@code HANGING_ECHO} and {@code RESETTING_ECHO} echo requests of a fixed size but fail every n-th one
     * received ({@link #failEvery}; counted over all connections, so the share does not depend on timing): hanging
     * never answers it nor anything after it on that connection, which stays open and silent until the client gives
     * up; resetting resets the connection (an RST: linger 0) with the request unanswered.
     */
    enum Mode { ECHO, HTTP, RPC, CORRUPT_ECHO, HANGING_ECHO, RESETTING_ECHO }

    static final byte[] HTTP_RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Length: 13\r\nContent-Type: text/plain\r\n"
            + "Server: test\r\n\r\nHello, World!").getBytes(StandardCharsets.US_ASCII);

    private final Mode mode;
    /** CPU the server burns per http response, so that it (not the client) limits throughput; 0 for none. */
    private volatile long spinNsPerResponse;
    private final long stallMs;
    private final long stallEveryMs;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private volatile boolean closed;
    volatile long stalls;
    /** The longest stall as it happened (a loaded machine wakes the sleeping loop late). */
    volatile long longestStallNs;
    /** The failing echoes: request size, and one request in how many fails. */
    private volatile int requestBytes;
    private volatile long failEvery;
    private long received;
    /** The failing echoes: requests failed so far. */
    volatile long failedRequests;

    private static final class Conn {
        final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        int httpMatch;
        /** A hanging echo's connection that hangs: it reads on and answers nothing more. */
        boolean hung;
    }

    TestServer(Mode mode) throws IOException {
        this(mode, 0, 0);
    }

    TestServer(Mode mode, long stallMs, long stallEveryMs) throws IOException {
        this(mode, stallMs, stallEveryMs, new InetSocketAddress("127.0.0.1", 0));
    }

    /** The same server on a Unix-domain socket at {@code path} (the file is the caller's to remove). */
    static TestServer onUnixSocket(Mode mode, java.nio.file.Path path) throws IOException {
        return new TestServer(mode, 0, 0, UnixDomainSocketAddress.of(path));
    }

    private TestServer(Mode mode, long stallMs, long stallEveryMs, SocketAddress bindTo) throws IOException {
        this.mode = mode;
        this.stallMs = stallMs;
        this.stallEveryMs = stallEveryMs;
        boolean unix = bindTo instanceof UnixDomainSocketAddress;
        server = unix ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
        if (!unix) {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        }
        server.bind(bindTo, 4096);
        server.configureBlocking(false);
        selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, "test-server-" + mode);
        thread.setDaemon(true);
        thread.start();
    }

    /** The failing echoes: requests are {@code bytes} long and every {@code n}-th one received fails. */
    TestServer failEvery(long n, int bytes) {
        requestBytes = bytes;
        failEvery = n;
        return this;
    }

    /** Makes every http response cost this much server CPU (a busy loop). */
    TestServer spinPerResponse(long ns) {
        spinNsPerResponse = ns;
        return this;
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    String target() throws IOException {
        return "127.0.0.1:" + address().getPort();
    }

    private void loop() {
        long nextStallMs = System.currentTimeMillis() + stallEveryMs;
        try {
            while (!closed) {
                if (stallEveryMs > 0 && System.currentTimeMillis() >= nextStallMs) {
                    long stallStartNs = System.nanoTime();
                    Thread.sleep(stallMs);
                    stalls++;
                    longestStallNs = Math.max(longestStallNs, System.nanoTime() - stallStartNs);
                    nextStallMs += stallEveryMs;
                }
                selector.select(stallEveryMs > 0 ? 5 : 50);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    try {
                        handle(key);
                    } catch (IOException e) {
                        key.cancel();
                        key.channel().close();
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // The test closed the server.
        } finally {
            try {
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (key.isAcceptable()) {
            SocketChannel ch;
            while ((ch = server.accept()) != null) {
                ch.configureBlocking(false);
                if (ch.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) {
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                ch.register(selector, SelectionKey.OP_READ, new Conn());
            }
            return;
        }
        SocketChannel ch = (SocketChannel) key.channel();
        Conn c = (Conn) key.attachment();
        if (key.isWritable()) {
            drain(key, ch, c);
        }
        if (key.isValid() && key.isReadable()) {
            int n = ch.read(c.in);
            if (n < 0) {
                key.cancel();
                ch.close();
                return;
            }
            c.in.flip();
            if (mode == Mode.HANGING_ECHO || mode == Mode.RESETTING_ECHO) {
                if (!echoOrFail(ch, c)) {
                    key.cancel();
                    ch.close();
                    return;
                }
            } else {
                answer(c);
            }
            c.in.compact();
            drain(key, ch, c);
        }
    }

    private void answer(Conn c) {
        switch (mode) {
            case ECHO, CORRUPT_ECHO -> {
                ByteBuffer copy = ByteBuffer.allocate(c.in.remaining());
                copy.put(c.in).flip();
                if (mode == Mode.CORRUPT_ECHO && copy.hasRemaining()) {
                    copy.put(0, (byte) (copy.get(0) + 1));
                }
                c.pending.add(copy);
            }
            case HTTP -> {
                int count = 0;
                while (c.in.hasRemaining()) {
                    byte b = c.in.get();
                    int m = c.httpMatch;
                    boolean cr = b == '\r';
                    if ((m == 0 || m == 2) && cr || (m == 1 || m == 3) && b == '\n') {
                        c.httpMatch = m + 1;
                    } else {
                        c.httpMatch = cr ? 1 : 0;
                    }
                    if (c.httpMatch == 4) {
                        count++;
                        c.httpMatch = 0;
                    }
                }
                if (count > 0) {
                    long spinNs = spinNsPerResponse * count;
                    if (spinNs > 0) {
                        long until = System.nanoTime() + spinNs;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }
                    ByteBuffer out = ByteBuffer.allocate(count * HTTP_RESPONSE.length);
                    for (int i = 0; i < count; i++) {
                        out.put(HTTP_RESPONSE);
                    }
                    c.pending.add(out.flip());
                }
            }
            case RPC -> {
                while (c.in.remaining() >= 4 && c.in.remaining() >= 4 + c.in.getInt(c.in.position())) {
                    int length = c.in.getInt();
                    long id = c.in.getLong();
                    int responseSize = c.in.getInt();
                    c.in.position(c.in.position() + length - 12);
                    ByteBuffer out = ByteBuffer.allocate(12 + responseSize);
                    out.putInt(8 + responseSize).putLong(id);
                    for (int i = 0; i < responseSize; i++) {
                        out.put((byte) i);
                    }
                    c.pending.add(out.flip());
                }
            }
        }
    }

    /** Echoes the whole requests read, failing every n-th; false when the connection is to be reset now. */
    private boolean echoOrFail(SocketChannel ch, Conn c) throws IOException {
        while (!c.hung && c.in.remaining() >= requestBytes) {
            if (++received % failEvery == 0) {
                failedRequests++;
                if (mode == Mode.RESETTING_ECHO) {
                    ch.setOption(StandardSocketOptions.SO_LINGER, 0);
                    return false;
                }
                c.hung = true;
                break;
            }
            ByteBuffer copy = ByteBuffer.allocate(requestBytes);
            copy.put(c.in.slice(c.in.position(), requestBytes)).flip();
            c.in.position(c.in.position() + requestBytes);
            c.pending.add(copy);
        }
        if (c.hung) {
            c.in.position(c.in.limit()); // read and ignored
        }
        return true;
    }

    private void drain(SelectionKey key, SocketChannel ch, Conn c) throws IOException {
        while (!c.pending.isEmpty()) {
            ByteBuffer head = c.pending.peek();
            ch.write(head);
            if (head.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            c.pending.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }
}
