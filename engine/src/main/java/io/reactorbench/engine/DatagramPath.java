package io.reactorbench.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * A loop's UDP sockets: each datagram received is one onTraffic, with {@link Conn} bound to it rather than to a
 * connection; a reply goes to its sender whole or is dropped, never queued. No lifecycle, no flow control.
 * Loop-confined.
 */
final class DatagramPath {

    /** Datagrams received per readiness event, so one busy UDP socket cannot starve the loop's connections. */
    static final int DATAGRAMS_PER_EVENT = 64;

    private final EventLoop loop;
    private final Poller poller;
    private final BufferPool pool;
    private final Chunk readChunk;
    private final Conn conn;
    private final EventHandler handler;
    private final CaughtFailures failures;

    DatagramPath(EventLoop loop, CaughtFailures failures) {
        this.loop = loop;
        this.poller = loop.poller;
        this.pool = loop.pool;
        this.readChunk = loop.readChunk;
        this.conn = loop.conn;
        this.handler = loop.handler;
        this.failures = failures;
    }

    SocketAddress bind(InetSocketAddress address, boolean reusePort) throws IOException {
        int slot = poller.bindDatagram(address, reusePort);
        loop.table.addDatagram(slot);
        return poller.localAddress(slot);
    }

    void onReadable(int slot) {
        ByteBuffer buffer = readChunk.buffer;
        for (int i = 0; i < DATAGRAMS_PER_EVENT && !loop.isShuttingDown(); i++) {
            buffer.clear();
            int n = poller.receive(slot, buffer, readChunk.address);
            if (n < 0) {
                return; // NO_DATAGRAM, or a failure such as a queued ICMP error: nothing to deliver
            }
            buffer.flip();
            conn.bindDatagram(slot, readChunk);
            Action action;
            try {
                action = handler.onTraffic(conn);
            } catch (Throwable t) {
                failures.caught("engine loop " + loop.index + ": onTraffic of a datagram", t);
                action = Action.NONE; // one bad datagram does not take the socket down
            }
            conn.unbind();
            conn.takeCloseRequest();
            conn.takeWriteFailure();
            if (action == Action.SHUTDOWN) {
                loop.engine.stopInBackground();
            }
        }
    }

    /** A reply to the sender of the datagram being handled: sent whole or dropped, never queued. */
    void send(int slot, ByteBuffer src, long srcBaseAddress) {
        if (srcBaseAddress == 0 && poller.needsAddresses()) {
            Chunk copy = pool.acquire(src.remaining());
            copy.buffer.clear();
            copy.buffer.put(src).flip();
            poller.sendToLastSender(slot, copy.buffer, copy.address);
            pool.release(copy);
            return;
        }
        poller.sendToLastSender(slot, src, srcBaseAddress);
    }

    SocketAddress lastSender() {
        return poller.lastSender();
    }
}
