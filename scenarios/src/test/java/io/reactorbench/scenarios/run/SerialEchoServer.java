package io.reactorbench.scenarios.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An echo server of known capacity for the rate-sweep tests (issue 19 B): ONE thread serves every connection, one
 * request after another, each for a fixed service time, so the capacity is 1 / service time. It sleeps rather than
 * spins, so that on two cores shared with the load generator it does not compete for the CPU and serve at whatever
 * share it got. And it keeps its own clock of when it is next free: request k is answered at
 * max(its arrival, when request k-1 was answered) + the service time (its arrival: when select() found it ready,
 * not when it was read after the ones before it), and the thread sleeps until then. A late
 * wake-up (a sleep overshoots by 0.1 ms unloaded, by milliseconds on a busy machine) then delays that answer only,
 * not every later one, so the capacity stays 1 / service time however noisy the scheduler is.
 *
 * <p>As a child process ({@code external:} design): {@code SerialEchoServer PORT SERVICE_US MESSAGE_BYTES}.
 */
public final class SerialEchoServer implements AutoCloseable {

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final long serviceNs;
    private final int messageBytes;
    private final Thread thread;
    /** When the server is next free to start a request (System.nanoTime); touched by the serving thread only. */
    private long freeAtNs;
    /** The connections accepted, closed with the server (only the serving thread adds, before it is joined). */
    private final List<SocketChannel> connections = new ArrayList<>();

    public SerialEchoServer(int port, Duration serviceTime, int messageBytes) throws IOException {
        this.serviceNs = serviceTime.toNanos();
        this.messageBytes = messageBytes;
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        thread = Thread.ofPlatform().name("serial-echo").daemon().start(this::serve);
    }

    /** The {@code external:} design that runs this server on {@code {port}}, from the test class path. */
    public static String externalDesign(Duration serviceTime, int messageBytes) {
        return "external:" + StandIns.java() + " -Xmx64m -cp " + System.getProperty("java.class.path") + " "
                + SerialEchoServer.class.getName() + " {port} " + serviceTime.toNanos() / 1000 + " " + messageBytes;
    }

    public static void main(String[] args) throws Exception {
        try (SerialEchoServer server = new SerialEchoServer(Integer.parseInt(args[0]),
                Duration.ofNanos(Long.parseLong(args[1]) * 1000), Integer.parseInt(args[2]))) {
            // runs until the runner stops this process
            server.thread.join();
        }
    }

    public String target() {
        return "127.0.0.1:" + listener.socket().getLocalPort();
    }

    private void serve() {
        try {
            while (selector.isOpen()) {
                selector.select();
                // the requests found ready arrived by now: while the server serves one, the others wait in its queue
                long readyNs = System.nanoTime();
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        serveRequests(key, readyNs);
                    }
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the server was closed
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel; (channel = listener.accept()) != null; ) {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(64 * 1024));
            connections.add(channel);
        }
    }

    /** Reads what arrived and answers each whole request after its service time, on this one thread. */
    private void serveRequests(SelectionKey key, long arrivedNs) {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer pending = (ByteBuffer) key.attachment();
        try {
            if (channel.read(pending) < 0) {
                close(key);
                return;
            }
            pending.flip();
            while (pending.remaining() >= messageBytes) {
                freeAtNs = Math.max(freeAtNs, arrivedNs) + serviceNs;
                for (long leftNs; (leftNs = freeAtNs - System.nanoTime()) > 0; ) {
                    Thread.sleep(Duration.ofNanos(leftNs));
                }
                ByteBuffer answer = pending.slice(pending.position(), messageBytes);
                while (answer.hasRemaining()) {
                    channel.write(answer); // a few bytes into an empty socket buffer: written at once
                }
                pending.position(pending.position() + messageBytes);
            }
            pending.compact();
        } catch (IOException e) {
            close(key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(key);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        selector.close();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SocketChannel channel : connections) {
            channel.close();
        }
        listener.close();
    }
}
