package io.reactorbench.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The portable poller: a {@link Selector}, polled with {@code select(Consumer, timeout)} so no selected-key
 * set is built or iterated. Slots are small reused indexes; the key's attachment is the slot (boxed once per
 * connection). Each connection needs a {@link SocketChannel} and a key — the heap the epoll poller avoids.
 *
 * <p>Allocation per event that this class cannot avoid: the JDK's epoll Selector finds the key of each ready fd
 * in a {@code HashMap<Integer, SelectionKeyImpl>} ({@code EPollSelectorImpl.processEvents}: {@code
 * fdToKey.get(fd)}), boxing the fd; above the Integer cache (127 by default) that is a 16-byte {@code Integer}
 * per event, inside {@code select}, whichever select method is used. Interest changes and deregistrations box
 * the fd too. A server JVM gets zero allocation per event with {@code -XX:AutoBoxCacheMax=N}, N at least the
 * highest fd (the fd limit); the JVM reads it at startup only.
 */
final class NioPoller implements Poller, Consumer<SelectionKey> {

    private final Selector selector;
    private final SocketSetup setup;
    private SelectionKey[] keys = new SelectionKey[64];
    private final SlotAllocator slots = new SlotAllocator();
    private ReadySink sink;
    private IOException lastFailure;
    private SocketAddress lastSender;

    NioPoller(SocketSetup setup) throws IOException {
        this.selector = Selector.open();
        this.setup = setup;
    }

    @Override
    public int poll(long timeoutMs, ReadySink readySink) throws IOException {
        this.sink = readySink;
        try {
            if (timeoutMs == 0) {
                return selector.selectNow(this);
            }
            return selector.select(this, Math.max(0, timeoutMs)); // 0 = block until something happens
        } catch (IOException | java.nio.channels.ClosedSelectorException e) { // the consumer throws no checked ones
            throw new PollerFailedException("select: " + e, e);
        }
    }

    @Override
    public void accept(SelectionKey key) {
        int slot = (Integer) key.attachment();
        int ready;
        try {
            int ops = key.readyOps();
            ready = ((ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 ? READABLE : 0)
                    | ((ops & SelectionKey.OP_WRITE) != 0 ? WRITABLE : 0);
        } catch (CancelledKeyException e) {
            return;
        }
        sink.onReady(slot, ready);
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public boolean needsAddresses() {
        return false;
    }

    @Override
    public boolean edgeTriggered() {
        return false;
    }

    @Override
    public int listen(SocketAddress address, boolean reusePort, int backlog) throws IOException {
        boolean unix = address instanceof UnixDomainSocketAddress;
        ServerSocketChannel server = unix ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
        try {
            if (!unix) {
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            if (reusePort) {
                server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            server.bind(address, backlog);
            server.configureBlocking(false);
            int slot = allocateSlot();
            keys[slot] = server.register(selector, SelectionKey.OP_ACCEPT, slot);
            return slot;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public SocketAddress listenerAddress(int listenerSlot) throws IOException {
        return ((ServerSocketChannel) keys[listenerSlot].channel()).getLocalAddress();
    }

    @Override
    public void acceptInterest(int listenerSlot, boolean on) throws IOException {
        try {
            keys[listenerSlot].interestOps(on ? SelectionKey.OP_ACCEPT : 0);
        } catch (CancelledKeyException e) {
            throw new ClosedChannelException(); // the listener's channel was closed under us
        }
    }

    @Override
    public Object accept(int listenerSlot) throws IOException {
        try {
            return ((ServerSocketChannel) keys[listenerSlot].channel()).accept();
        } catch (IOException e) {
            throw FdLimitException.isFdLimit(e) ? new FdLimitException(e) : e;
        }
    }

    @Override
    public InetSocketAddress remoteAddressOf(Object accepted) {
        try {
            return ((SocketChannel) accepted).getRemoteAddress() instanceof InetSocketAddress inet ? inet : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void discard(Object accepted) {
        try {
            ((SocketChannel) accepted).close();
        } catch (IOException ignored) {
            // closing a socket nobody used: nothing to report
        }
    }

    @Override
    public int register(Object accepted) throws IOException {
        SocketChannel channel = (SocketChannel) accepted;
        try {
            channel.configureBlocking(false);
            setup.apply(channel);
            int slot = allocateSlot();
            keys[slot] = channel.register(selector, SelectionKey.OP_READ, slot);
            return slot;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public boolean interest(int slot, boolean read, boolean write) {
        try {
            keys[slot].interestOps((read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0));
            return true;
        } catch (CancelledKeyException e) { // the channel was closed under us: no readiness will ever come
            lastFailure = new ClosedChannelException();
            return false;
        }
    }

    @Override
    public int read(int slot, ByteBuffer dst, long dstBaseAddress) {
        try {
            int n = ((SocketChannel) keys[slot].channel()).read(dst);
            return n < 0 ? EOF : n;
        } catch (IOException e) {
            lastFailure = e;
            return FAILED;
        }
    }

    @Override
    public long write(int slot, ByteBuffer src, long srcBaseAddress) {
        try {
            return ((SocketChannel) keys[slot].channel()).write(src);
        } catch (IOException e) {
            lastFailure = e;
            return FAILED;
        }
    }

    @Override
    public long writev(int slot, ByteBuffer[] srcs, long[] addresses, int count) {
        try {
            return ((SocketChannel) keys[slot].channel()).write(srcs, 0, count);
        } catch (IOException e) {
            lastFailure = e;
            return FAILED;
        }
    }

    @Override
    public int bindDatagram(InetSocketAddress address, boolean reusePort) throws IOException {
        java.nio.channels.DatagramChannel channel = java.nio.channels.DatagramChannel.open(
                address.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (reusePort) {
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            channel.bind(address);
            channel.configureBlocking(false);
            int slot = allocateSlot();
            keys[slot] = channel.register(selector, SelectionKey.OP_READ, slot);
            return slot;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public int receive(int slot, ByteBuffer dst, long dstBaseAddress) {
        try {
            int start = dst.position();
            SocketAddress sender = ((java.nio.channels.DatagramChannel) keys[slot].channel()).receive(dst);
            if (sender == null) {
                return NO_DATAGRAM;
            }
            lastSender = sender;
            return dst.position() - start;
        } catch (IOException e) {
            lastFailure = e;
            return FAILED;
        }
    }

    @Override
    public long sendToLastSender(int slot, ByteBuffer src, long srcBaseAddress) {
        try {
            int sent = ((java.nio.channels.DatagramChannel) keys[slot].channel()).send(src, lastSender);
            src.position(src.limit());
            return sent;
        } catch (IOException e) {
            src.position(src.limit());
            lastFailure = e;
            return FAILED;
        }
    }

    @Override
    public SocketAddress lastSender() {
        return lastSender;
    }

    @Override
    public void shutdownOutput(int slot) {
        try {
            ((SocketChannel) keys[slot].channel()).shutdownOutput();
        } catch (IOException ignored) {
            // the peer is gone already; the close that follows reports nothing either
        }
    }

    @Override
    public void close(int slot) {
        SelectionKey key = keys[slot];
        keys[slot] = null;
        if (key != null) {
            key.cancel();
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // nothing useful to do with a failed close of a dead socket
            }
        }
        slots.release(slot);
    }

    @Override
    public IOException lastFailure() {
        return lastFailure;
    }

    @Override
    public SocketAddress remoteAddress(int slot) {
        try {
            return ((SocketChannel) keys[slot].channel()).getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public SocketAddress localAddress(int slot) {
        try {
            return ((java.nio.channels.NetworkChannel) keys[slot].channel()).getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        for (SelectionKey key : keys) {
            if (key != null) {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // shutting down: best effort
                }
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // shutting down: best effort
        }
    }

    private int allocateSlot() throws IOException {
        int slot = slots.allocate();
        if (slot >= keys.length) {
            keys = Arrays.copyOf(keys, Math.max(slot + 1, keys.length * 2));
        }
        return slot;
    }
}
