package io.reactorbench.baseline.netty;

import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.reactorbench.wire.spi.Availability;
import java.util.function.Supplier;

/**
 * What differs between the three Netty designs: the I/O handler of the event loops, the server channel and
 * whether the platform supports it. Suppliers, so that asking about io_uring never loads epoll and the reverse.
 *
 * @param name             transport name for descriptions, e.g. {@code epoll}
 * @param ioHandlers       the {@link IoHandlerFactory} for {@code MultiThreadIoEventLoopGroup}
 * @param serverChannels   creates the listening channel
 * @param availability     whether the native transport loads and the kernel accepts it, with the cause if not
 */
record NettyTransport(String name, Supplier<IoHandlerFactory> ioHandlers,
        ChannelFactory<? extends ServerChannel> serverChannels, Supplier<Availability> availability) {

    static final NettyTransport NIO = new NettyTransport("nio", NioIoHandler::newFactory,
            NioServerSocketChannel::new, Availability::ok);

    static final NettyTransport EPOLL = new NettyTransport("epoll", EpollIoHandler::newFactory,
            EpollServerSocketChannel::new, () -> nativeAvailability(Epoll::isAvailable, Epoll::unavailabilityCause));

    static final NettyTransport IO_URING = new NettyTransport("io_uring", IoUringIoHandler::newFactory,
            IoUringServerSocketChannel::new,
            () -> nativeAvailability(IoUring::isAvailable, IoUring::unavailabilityCause));

    /** Loading a native transport can fail with a LinkageError rather than a cause: report both as a value. */
    private static Availability nativeAvailability(Supplier<Boolean> available, Supplier<Throwable> cause) {
        try {
            return available.get() ? Availability.ok() : Availability.unavailable(rootCause(cause.get()));
        } catch (LinkageError e) {
            return Availability.unavailable(e);
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
