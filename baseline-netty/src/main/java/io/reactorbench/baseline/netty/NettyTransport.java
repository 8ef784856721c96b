package io.reactorbench.baseline.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerDomainSocketChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.reactorbench.sys.IoUringSupport;
import io.reactorbench.wire.spi.Availability;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What differs between the three Netty designs: the I/O handler of the event loops, the channels for each socket
 * kind and whether the platform supports it. Suppliers, so that asking about io_uring never loads epoll and the
 * reverse.
 *
 * @param name                 transport name for descriptions, e.g. {@code epoll}
 * @param ioHandlers           the {@link IoHandlerFactory} for {@code MultiThreadIoEventLoopGroup}
 * @param serverChannels       creates the TCP listening channel
 * @param domainServerChannels creates the Unix-domain listening channel
 * @param domainAddress        the address that channel binds to: the native transports take Netty's own
 *                             {@link DomainSocketAddress}, NIO the JDK's {@link UnixDomainSocketAddress}
 * @param datagramChannels     creates a UDP channel
 * @param reusePort            SO_REUSEPORT in this transport's option type, so every loop can bind the UDP port and
 *                             other processes the TCP one
 * @param availability         whether the native transport loads and the kernel accepts it, with the cause if not
 */
record NettyTransport(String name, Supplier<IoHandlerFactory> ioHandlers,
        ChannelFactory<? extends ServerChannel> serverChannels,
        ChannelFactory<? extends ServerChannel> domainServerChannels, Function<Path, SocketAddress> domainAddress,
        ChannelFactory<? extends Channel> datagramChannels, Supplier<ChannelOption<Boolean>> reusePort,
        Supplier<Availability> availability) {

    static final NettyTransport NIO = new NettyTransport("nio", NioIoHandler::newFactory,
            NioServerSocketChannel::new, NioServerDomainSocketChannel::new, UnixDomainSocketAddress::of,
            NioDatagramChannel::new, () -> NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), Availability::ok);

    static final NettyTransport EPOLL = new NettyTransport("epoll", EpollIoHandler::newFactory,
            EpollServerSocketChannel::new, EpollServerDomainSocketChannel::new, NettyTransport::nativeDomainAddress,
            EpollDatagramChannel::new, () -> UnixChannelOption.SO_REUSEPORT,
            () -> nativeAvailability(Epoll::isAvailable, Epoll::unavailabilityCause));

    static final NettyTransport IO_URING = new NettyTransport("io_uring", IoUringIoHandler::newFactory,
            IoUringServerSocketChannel::new, IoUringServerDomainSocketChannel::new,
            NettyTransport::nativeDomainAddress, IoUringDatagramChannel::new, () -> UnixChannelOption.SO_REUSEPORT,
            () -> withRingFacts(nativeAvailability(IoUring::isAvailable, IoUring::unavailabilityCause)));

    private static SocketAddress nativeDomainAddress(Path path) {
        return new DomainSocketAddress(path.toString());
    }

    /** Loading a native transport can fail with a LinkageError rather than a cause: report both as a value. */
    private static Availability nativeAvailability(Supplier<Boolean> available, Supplier<Throwable> cause) {
        try {
            return available.get() ? Availability.ok() : Availability.unavailable(rootCause(cause.get()));
        } catch (LinkageError e) {
            return Availability.unavailable(e);
        }
    }

    /**
     * Netty says what failed ("failed to create io_uring ring fd: Operation not permitted"); the engine's own probe of
     * this machine says why (a seccomp filter, the io_uring_disabled sysctl, the kernel): both, when Netty's io_uring
     * is refused and the probe has a reason too.
     */
    private static Availability withRingFacts(Availability netty) {
        if (netty.available()) {
            return netty;
        }
        String why = IoUringSupport.unavailabilityCause();
        return why == null ? netty : Availability.unavailable(netty.cause() + "; the engine's io_uring probe: " + why);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
