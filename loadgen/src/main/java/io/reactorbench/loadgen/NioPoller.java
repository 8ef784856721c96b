package io.reactorbench.loadgen;

import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * {@link Poller} on java.nio: a Selector, and per slot the SocketChannel and SelectionKey NIO forces (about
 * 600 bytes of heap per connection between them) plus a boxed slot index as the key's attachment.
 */
final class NioPoller implements Poller {

    private final Transport transport;
    private final Selector selector;
    /** A {@link SocketChannel} (TCP, Unix-domain) or a connected {@link DatagramChannel} (UDP) per slot. */
    private final SelectableChannel[] channels;
    private final SelectionKey[] keys;
    private final Consumer<SelectionKey> onKey = this::onKey;
    private Handler handler;

    NioPoller(int slots) throws IOException {
        this(slots, Transport.TCP);
    }

    NioPoller(int slots, Transport transport) throws IOException {
        this.transport = transport;
        selector = Selector.open();
        channels = new SelectableChannel[slots];
        keys = new SelectionKey[slots];
    }

    @Override
    public boolean connect(int slot, SocketAddress target, InetSocketAddress source) throws IOException {
        if (transport == Transport.UDP) {
            return connectDatagram(slot, target, source == null ? null : source.getAddress());
        }
        if (source != null && source.getPort() != 0) {
            try {
                return connectStream(slot, target, source);
            } catch (IOException taken) {
                // the explicit port is in use (see SourcePorts): let the kernel pick one
            }
        }
        return connectStream(slot, target, source == null ? null : new InetSocketAddress(source.getAddress(), 0));
    }

    private boolean connectStream(int slot, SocketAddress target, InetSocketAddress source) throws IOException {
        SocketChannel channel = SocketChannel.open(family(target));
        try {
            channel.configureBlocking(false);
            if (transport == Transport.TCP) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            if (source != null) {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, source.getPort() != 0);
                channel.bind(source);
            }
            boolean connected = channel.connect(target);
            keys[slot] = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, slot);
            channels[slot] = channel;
            return connected;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A UDP socket connected to the target: it sends there, and receives from there only. */
    private boolean connectDatagram(int slot, SocketAddress target, InetAddress source) throws IOException {
        DatagramChannel channel = DatagramChannel.open(family(target));
        try {
            channel.configureBlocking(false);
            if (source != null) {
                channel.bind(new InetSocketAddress(source, 0));
            }
            channel.connect(target);
            keys[slot] = channel.register(selector, SelectionKey.OP_READ, slot);
            channels[slot] = channel;
            return true;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private ProtocolFamily family(SocketAddress target) {
        if (transport == Transport.UNIX) {
            return StandardProtocolFamily.UNIX;
        }
        return ((InetSocketAddress) target).getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    @Override
    public void finishConnect(int slot) throws IOException {
        if (((SocketChannel) channels[slot]).finishConnect()) {
            keys[slot].interestOps(SelectionKey.OP_READ);
        }
    }

    @Override
    public int read(int slot, ByteBuffer into) throws IOException {
        return ((ByteChannel) channels[slot]).read(into);
    }

    @Override
    public int write(int slot, ByteBuffer from) throws IOException {
        return ((ByteChannel) channels[slot]).write(from);
    }

    @Override
    public void watch(int slot, boolean read, boolean write) {
        keys[slot].interestOps((read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0));
    }

    @Override
    public void close(int slot) {
        SelectableChannel channel = channels[slot];
        if (channel != null) {
            channels[slot] = null;
            keys[slot] = null;
            try {
                channel.close();
            } catch (IOException ignored) {
                // The connection is being abandoned either way.
            }
        }
    }

    @Override
    public int poll(long timeoutMs, Handler handler) throws IOException {
        this.handler = handler;
        return timeoutMs <= 0 ? selector.selectNow(onKey) : selector.select(onKey, timeoutMs);
    }

    private void onKey(SelectionKey key) {
        int slot = (Integer) key.attachment();
        if (keys[slot] == key && key.isValid()) {
            handler.onReady(slot, key.readyOps());
        }
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public void close() {
        for (int s = 0; s < channels.length; s++) {
            close(s);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // End of the run: nothing left to do about it.
        }
    }
}
