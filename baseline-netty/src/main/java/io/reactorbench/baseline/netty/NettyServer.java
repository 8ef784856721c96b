package io.reactorbench.baseline.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.reactorbench.wire.app.ServerSession;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Netty's server bootstrap, configured as a tuned Netty deployment would be, on any {@link NettyTransport}, listening
 * on TCP or a Unix-domain socket (UDP has no connections to accept: {@link NettyDatagramServer}).
 */
final class NettyServer implements RunningServer {

    private static final int BACKLOG = 4096;
    /** Above HIGH pending bytes the channel turns unwritable and the handlers stop reading until it drains to LOW. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService blockingWork;
    private final ChannelGroup connections;
    private final Channel listener;
    /** The Unix-domain socket's file, removed on stop; null on TCP. */
    private final Path unixPath;

    private NettyServer(EventLoopGroup boss, EventLoopGroup workers, ExecutorService blockingWork,
            ChannelGroup connections, Channel listener, Path unixPath) {
        this.boss = boss;
        this.workers = workers;
        this.blockingWork = blockingWork;
        this.connections = connections;
        this.listener = listener;
        this.unixPath = unixPath;
    }

    static NettyServer start(ServerConfig config, NettyTransport transport, Supplier<ServerSession> sessions)
            throws IOException {
        String prefix = "netty-" + transport.name();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory(prefix + "-boss"), transport.ioHandlers().get());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(config.effectiveLoops(),
                new DefaultThreadFactory(prefix + "-loop"), transport.ioHandlers().get());
        // Blocking rpc work leaves the event loop: a virtual thread per request, then back to the loop.
        ExecutorService blockingWork = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix + "-work-", 0).factory());
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        App app = config.app();
        boolean unix = config.transport() == Transport.UNIX;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channelFactory(unix ? transport.domainServerChannels() : transport.serverChannels())
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(new AcceptFailureHandler())
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                // Half-closed peers still get every answer: the handlers close once output is flushed.
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        connections.add(channel);
                        channel.pipeline().addLast(app == App.ECHO
                                ? new EchoHandler()
                                : new SessionHandler(sessions.get(), blockingWork));
                    }
                });
        if (!unix) {
            // Only TCP has these: set on a Unix-domain channel, Netty would log "unknown channel option" per connection.
            bootstrap.option(ChannelOption.SO_REUSEADDR, true).childOption(ChannelOption.TCP_NODELAY, true);
            if (config.flag(ServerConfig.REUSE_PORT)) {
                bootstrap.option(transport.reusePort().get(), true); // other processes may bind this port too
            }
        }
        SocketAddress bindTo = unix ? transport.domainAddress().apply(config.unixPath())
                : new InetSocketAddress(config.host(), config.port());
        try {
            Channel listener = bootstrap.bind(bindTo).sync().channel();
            return new NettyServer(boss, workers, blockingWork, connections, listener, config.unixPath());
        } catch (Exception e) {
            // sync() rethrows the bind failure (BindException) as it is; shut the loops down before passing it on.
            shutdown(boss, workers, blockingWork, Duration.ofSeconds(2));
            if (e instanceof IOException io) {
                throw asBindException(io);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot start " + prefix + " on " + config.transport().format(config.bindAddress())
                    + ": " + e, e);
        }
    }

    /** The native transports report EADDRINUSE as their own IOException; the SPI promises a BindException. */
    static IOException asBindException(IOException e) {
        if (e instanceof BindException || e.getMessage() == null || !e.getMessage().contains("Address already in use")) {
            return e;
        }
        BindException bind = new BindException("Address already in use");
        bind.initCause(e);
        return bind;
    }

    @Override
    public InetSocketAddress address() {
        return unixPath == null ? (InetSocketAddress) listener.localAddress() : null;
    }

    @Override
    public SocketAddress boundAddress() {
        return unixPath == null ? address() : UnixDomainSocketAddress.of(unixPath);
    }

    @Override
    public int openConnections() {
        return connections.size(); // closed channels leave the group by themselves
    }

    @Override
    public void stop(Duration timeout) {
        long deadlineNs = System.nanoTime() + timeout.toNanos();
        listener.close().awaitUninterruptibly(timeout.toMillis());
        // Flushed responses go out before each close: close() runs after what the loop already queued.
        connections.close().awaitUninterruptibly(Math.max(0, (deadlineNs - System.nanoTime()) / 1_000_000));
        shutdown(boss, workers, blockingWork, Duration.ofNanos(Math.max(0, deadlineNs - System.nanoTime())));
        if (unixPath != null) {
            try {
                Files.deleteIfExists(unixPath); // as the engine does: a stopped server leaves no socket file behind
            } catch (IOException ignored) {
                // Stopping either way; a leftover file only makes the next bind on this path fail, and say so.
            }
        }
    }

    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers, ExecutorService blockingWork,
            Duration timeout) {
        blockingWork.shutdownNow();
        long timeoutMs = timeout.toMillis();
        Future<?> bossDone = boss.shutdownGracefully(0, timeoutMs, TimeUnit.MILLISECONDS);
        Future<?> workersDone = workers.shutdownGracefully(0, timeoutMs, TimeUnit.MILLISECONDS);
        bossDone.awaitUninterruptibly(timeoutMs);
        workersDone.awaitUninterruptibly(timeoutMs);
    }
}
