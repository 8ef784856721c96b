package io.reactorbench.engine;

import io.reactorbench.sys.PollerKind;
import io.reactorbench.sys.ServerPollerChoice;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.concurrent.Executor;

/**
 * Everything an {@link Engine} is started with, validated once here (gnet's options as one immutable value).
 *
 * @param address              where to listen: an {@link InetSocketAddress} ({@code port 0} picks a free port) or a
 *                             {@link UnixDomainSocketAddress} (a path that must not exist yet; removed on stop)
 * @param poller               the poller; {@link PollerKind#AUTO} is resolved for a server ({@link #serverPoller()})
 * @param loops                sub-loops (each one thread, one poller), at most 256; 0 = available processors (at
 *                             most 256)
 * @param loadBalancing        how the main loop spreads connections (ignored with {@code reusePort})
 * @param reusePort            every loop binds its own SO_REUSEPORT listener and accepts itself; no main loop
 * @param edgeTriggered        epoll only: EPOLLET with a per-connection read budget
 * @param tcpNoDelay           TCP_NODELAY on accepted sockets (on by default: a reactor flushes whole replies)
 * @param keepAlive            SO_KEEPALIVE on accepted sockets
 * @param sendBufferBytes      SO_SNDBUF, 0 = kernel default
 * @param receiveBufferBytes   SO_RCVBUF, 0 = kernel default
 * @param readBufferBytes      the loop's shared read buffer (one read moves at most this much)
 * @param chunkBytes           size of pooled inbound/outbound chunks
 * @param outboundHighWaterBytes stop reading a connection whose unsent bytes exceed this
 * @param outboundLowWaterBytes  resume reading once they fall to this
 * @param idleTimeoutNs        close connections silent for this long; 0 = never
 * @param backlog              listen backlog
 * @param clock                time source (tests inject one and step loops by hand)
 * @param offload              where handlers run blocking work; null (the default) = an executor of the engine's own
 *                             (virtual threads), shut down when the engine stops. One given here is the caller's to
 *                             shut down.
 * @param udp                  serve datagrams instead of connections: every loop binds the UDP port (SO_REUSEPORT
 *                             when there are several) and each datagram is one onTraffic, answered to its sender
 * @param connectionTable      {@link ConnectionTableKind#SLOTS} (the engine's) or the gnet-shaped {@code MAP} ablation
 * @param readDelivery         {@link ReadDelivery#VIEW} (zero-copy, the engine's) or the {@code COPY} ablation
 * @param uring                the uring poller's settings (SQPOLL, the batched wait); the other pollers ignore them
 */
public record EngineConfig(
        SocketAddress address,
        PollerKind poller,
        int loops,
        LoadBalancing loadBalancing,
        boolean reusePort,
        boolean edgeTriggered,
        boolean tcpNoDelay,
        boolean keepAlive,
        int sendBufferBytes,
        int receiveBufferBytes,
        int readBufferBytes,
        int chunkBytes,
        long outboundHighWaterBytes,
        long outboundLowWaterBytes,
        long idleTimeoutNs,
        int backlog,
        NanoClock clock,
        Executor offload,
        boolean udp,
        ConnectionTableKind connectionTable,
        ReadDelivery readDelivery,
        UringTuning uring) {

    public EngineConfig {
        if (address == null || poller == null || loadBalancing == null || clock == null || connectionTable == null
                || readDelivery == null || uring == null) {
            throw new IllegalArgumentException(
                    "address, poller, loadBalancing, clock, connectionTable, readDelivery and uring are required");
        }
        if (!(address instanceof InetSocketAddress) && !(address instanceof UnixDomainSocketAddress)) {
            throw new IllegalArgumentException("address must be an InetSocketAddress or a UnixDomainSocketAddress");
        }
        if (reusePort && address instanceof UnixDomainSocketAddress) {
            throw new IllegalArgumentException("reusePort needs a TCP address");
        }
        if (udp && !(address instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("udp needs an InetSocketAddress");
        }
        if (loops < 0 || loops > ConnectionId.MAX_LOOPS) {
            throw new IllegalArgumentException("loops must be 0.." + ConnectionId.MAX_LOOPS + ", got " + loops);
        }
        if (readBufferBytes < 1024 || chunkBytes < 256) {
            throw new IllegalArgumentException("readBufferBytes must be >= 1024 and chunkBytes >= 256");
        }
        if (outboundLowWaterBytes < 0 || outboundHighWaterBytes <= outboundLowWaterBytes) {
            throw new IllegalArgumentException("need 0 <= outboundLowWaterBytes < outboundHighWaterBytes, got "
                    + outboundLowWaterBytes + " and " + outboundHighWaterBytes);
        }
        if (sendBufferBytes < 0 || receiveBufferBytes < 0 || idleTimeoutNs < 0 || backlog <= 0) {
            throw new IllegalArgumentException("buffer sizes and idle timeout must be >= 0, backlog > 0");
        }
        if (edgeTriggered && poller.resolveForServer(udp, true).poller() != PollerKind.EPOLL) {
            throw new IllegalArgumentException("edge-triggered needs the epoll poller");
        }
        if (uring.sqPoll() && poller != PollerKind.URING) {
            throw new IllegalArgumentException("sqpoll needs the uring poller");
        }
    }

    /** Defaults: loopback port 0, auto poller, one loop per core, round-robin, 64 KiB read buffer. */
    public static EngineConfig defaults() {
        return new EngineConfig(new InetSocketAddress("127.0.0.1", 0), PollerKind.AUTO, 0,
                LoadBalancing.ROUND_ROBIN, false, false, true, false, 0, 0,
                64 * 1024, 16 * 1024, 1024 * 1024, 256 * 1024, 0, 4096, NanoClock.SYSTEM, null, false,
                ConnectionTableKind.SLOTS, ReadDelivery.VIEW, UringTuning.DEFAULTS);
    }

    /**
     * The poller this engine runs: {@link #poller()} as named, or for auto io_uring where it works unless {@link #udp()}
     * or {@link #edgeTriggered()} need epoll (see {@link PollerKind#resolveForServer}), with why auto fell back.
     */
    public ServerPollerChoice serverPoller() {
        return poller.resolveForServer(udp, edgeTriggered);
    }

    public int effectiveLoops() {
        // a connection id has room for 256 loops; a machine with more cores gets 256 by default
        return loops > 0 ? loops : Math.min(Runtime.getRuntime().availableProcessors(), ConnectionId.MAX_LOOPS);
    }

    public EngineConfig withAddress(SocketAddress newAddress) {
        return new EngineConfig(newAddress, poller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withPoller(PollerKind newPoller) {
        return new EngineConfig(address, newPoller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withLoops(int newLoops) {
        return new EngineConfig(address, poller, newLoops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withLoadBalancing(LoadBalancing newLoadBalancing) {
        return new EngineConfig(address, poller, loops, newLoadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withReusePort(boolean newReusePort) {
        return new EngineConfig(address, poller, loops, loadBalancing, newReusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withEdgeTriggered(boolean newEdgeTriggered) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, newEdgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withOutboundWaterMarks(long lowBytes, long highBytes) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, highBytes, lowBytes,
                idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withIdleTimeoutNs(long newIdleTimeoutNs) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, newIdleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withClock(NanoClock newClock) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, newClock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withSocketOptions(boolean newTcpNoDelay, boolean newKeepAlive, int newSendBufferBytes,
            int newReceiveBufferBytes) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, edgeTriggered, newTcpNoDelay,
                newKeepAlive, newSendBufferBytes, newReceiveBufferBytes, readBufferBytes, chunkBytes,
                outboundHighWaterBytes, outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery, uring);
    }

    public EngineConfig withUdp(boolean newUdp) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, newUdp, connectionTable, readDelivery, uring);
    }

    /** The ablation of gnet's {@code map[int]*conn}: {@link ConnectionTableKind#MAP}; the default is SLOTS. */
    public EngineConfig withConnectionTable(ConnectionTableKind newConnectionTable) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, newConnectionTable, readDelivery, uring);
    }

    /** The ablation of copying every read out to the handler: {@link ReadDelivery#COPY}; the default is VIEW. */
    public EngineConfig withReadDelivery(ReadDelivery newReadDelivery) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, newReadDelivery, uring);
    }

    /** The uring poller's settings (see {@link UringTuning}). */
    public EngineConfig withUring(UringTuning newUring) {
        return new EngineConfig(address, poller, loops, loadBalancing, reusePort, edgeTriggered, tcpNoDelay,
                keepAlive, sendBufferBytes, receiveBufferBytes, readBufferBytes, chunkBytes, outboundHighWaterBytes,
                outboundLowWaterBytes, idleTimeoutNs, backlog, clock, offload, udp, connectionTable, readDelivery,
                newUring);
    }
}
