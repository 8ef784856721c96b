package io.reactorbench.loadgen;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * {@link Poller} on java.nio: a Selector, and per slot the SocketChannel and SelectionKey NIO forces (about
 * 600 bytes of heap per connection between them) plus a boxed slot index as the key's attachment.
 */
final class NioPoller implements Poller {

    private final Selector selector;
    private final SocketChannel[] channels;
    private final SelectionKey[] keys;
    private final Consumer<SelectionKey> onKey = this::onKey;
    private Handler handler;

    NioPoller(int slots) throws IOException {
        selector = Selector.open();
        channels = new SocketChannel[slots];
        keys = new SelectionKey[slots];
    }

    @Override
    public boolean connect(int slot, InetSocketAddress target, InetAddress source) throws IOException {
        SocketChannel channel = SocketChannel.open(target.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (source != null) {
                channel.bind(new InetSocketAddress(source, 0));
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

    @Override
    public void finishConnect(int slot) throws IOException {
        if (channels[slot].finishConnect()) {
            keys[slot].interestOps(SelectionKey.OP_READ);
        }
    }

    @Override
    public int read(int slot, ByteBuffer into) throws IOException {
        return channels[slot].read(into);
    }

    @Override
    public int write(int slot, ByteBuffer from) throws IOException {
        return channels[slot].write(from);
    }

    @Override
    public void watch(int slot, boolean read, boolean write) {
        keys[slot].interestOps((read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0));
    }

    @Override
    public void close(int slot) {
        SocketChannel channel = channels[slot];
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
