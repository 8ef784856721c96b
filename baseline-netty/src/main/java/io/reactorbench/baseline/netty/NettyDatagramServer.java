package io.reactorbench.baseline.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * UDP echo on Netty: one datagram channel per event loop, all bound to the same port with SO_REUSEPORT so the kernel
 * spreads senders over the loops (as the engine's UDP mode does), each answering every datagram to its sender.
 */
final class NettyDatagramServer implements RunningServer {

    private final EventLoopGroup loops;
    private final List<Channel> channels;

    private NettyDatagramServer(EventLoopGroup loops, List<Channel> channels) {
        this.loops = loops;
        this.channels = channels;
    }

    static NettyDatagramServer start(ServerConfig config, NettyTransport transport) throws IOException {
        int loopCount = config.effectiveLoops();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(loopCount,
                new DefaultThreadFactory("netty-" + transport.name() + "-udp"), transport.ioHandlers().get());
        Bootstrap bootstrap = new Bootstrap()
                .group(loops)
                .channelFactory(transport.datagramChannels())
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                // several loops share the port; reuse-port also lets other processes bind it
                .option(transport.reusePort().get(), loopCount > 1 || config.flag(ServerConfig.REUSE_PORT))
                .handler(new DatagramEchoHandler());
        List<Channel> channels = new ArrayList<>();
        InetSocketAddress bindTo = new InetSocketAddress(config.host(), config.port());
        try {
            for (int i = 0; i < loopCount; i++) {
                Channel channel = bootstrap.bind(bindTo).sync().channel(); // the group puts each on its next loop
                channels.add(channel);
                // The others join the port the first one got (port 0 asks for any).
                bindTo = (InetSocketAddress) channel.localAddress();
            }
            return new NettyDatagramServer(loops, channels);
        } catch (Exception e) {
            channels.forEach(Channel::close);
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(2_000);
            if (e instanceof IOException io) {
                throw NettyServer.asBindException(io);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot start netty-" + transport.name() + " on udp:" + config.host() + ":"
                    + config.port() + ": " + e, e);
        }
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) channels.getFirst().localAddress();
    }

    /** Datagrams have no connections. */
    @Override
    public int openConnections() {
        return 0;
    }

    @Override
    public void stop(Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly(Math.max(0, (deadlineNs - System.nanoTime()) / 1_000_000));
        }
        long leftMs = Math.max(0, (deadlineNs - System.nanoTime()) / 1_000_000);
        loops.shutdownGracefully(0, leftMs, TimeUnit.MILLISECONDS).awaitUninterruptibly(leftMs);
    }
}
