package io.reactorbench.engine.apps;

import io.reactorbench.engine.ConnectionTableKind;
import io.reactorbench.engine.Engine;
import io.reactorbench.engine.EngineConfig;
import io.reactorbench.engine.EventHandler;
import io.reactorbench.engine.LoadBalancing;
import io.reactorbench.engine.ReadDelivery;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import io.reactorbench.wire.spi.Transport;
import java.io.IOException;
import java.util.Set;

/**
 * The engine as a server design, for one poller kind. The registered designs ({@code engine},
 * {@code engine-nio}, {@code engine-epoll}, {@code engine-uring}) are one-line subclasses naming their poller.
 */
abstract class EngineDesign implements ServerDesign {

    static final String OPTION_LB = "lb";
    static final String OPTION_REUSE_PORT = ServerConfig.REUSE_PORT;
    static final String OPTION_EDGE_TRIGGERED = "edge-triggered";
    static final String OPTION_IDLE_TIMEOUT_MS = "idle-timeout-ms";
    static final String OPTION_TCP_NO_DELAY = "tcp-no-delay";
    static final String OPTION_KEEP_ALIVE = "keep-alive";
    static final String OPTION_SEND_BUFFER_BYTES = "send-buffer-bytes";
    static final String OPTION_RECEIVE_BUFFER_BYTES = "receive-buffer-bytes";
    /** The gnet-article ablation of the connection table: {@code table=map} (suites name it {@code engine-epoll-maptable}). */
    static final String OPTION_TABLE = "table";
    /** The gnet-article ablation of the read path: {@code read=copy} (suites name it {@code engine-epoll-copyread}). */
    static final String OPTION_READ = "read";
    /** The uring poller's SQPOLL experiment ({@code sqpoll=true}; suites may name it {@code engine-uring-sqpoll}). */
    static final String OPTION_SQPOLL = "sqpoll";
    private static final Set<String> COMMON_OPTIONS = Set.of(OPTION_LB, OPTION_REUSE_PORT, OPTION_IDLE_TIMEOUT_MS,
            OPTION_TCP_NO_DELAY, OPTION_KEEP_ALIVE, OPTION_SEND_BUFFER_BYTES, OPTION_RECEIVE_BUFFER_BYTES, OPTION_TABLE,
            OPTION_READ);

    private final PollerKind poller;

    EngineDesign(PollerKind poller) {
        this.poller = poller;
    }

    @Override
    public String description() {
        return "gnet-style multi-reactor engine, " + switch (poller) {
            case NIO -> "java.nio Selector poller";
            case EPOLL -> "native epoll poller via FFM";
            case URING -> "io_uring poller via FFM (multishot recv into provided buffers, one enter per iteration)";
            case AUTO -> "epoll poller when available, else nio (here: " + poller.resolve().id() + ")";
        } + "; main loop accepts, one sub-loop per core; ablations: table=map (gnet's map[int]*conn),"
                + " read=copy (a fresh byte[] per read)";
    }

    @Override
    public Availability availability() {
        if (poller == PollerKind.NIO || poller == PollerKind.AUTO) {
            return Availability.ok();
        }
        String cause = poller.unavailabilityCause();
        return cause == null ? Availability.ok() : Availability.unavailable(poller.id() + " poller unavailable: " + cause);
    }

    @Override
    public Set<String> supportedOptions() {
        if (poller == PollerKind.URING) {
            Set<String> options = new java.util.HashSet<>(COMMON_OPTIONS);
            options.add(OPTION_SQPOLL);
            return Set.copyOf(options);
        }
        if (poller == PollerKind.NIO) {
            return COMMON_OPTIONS; // edge-triggered is an epoll mode
        }
        Set<String> options = new java.util.HashSet<>(COMMON_OPTIONS);
        options.add(OPTION_EDGE_TRIGGERED);
        return Set.copyOf(options);
    }

    /**
     * Every poller listens on TCP and Unix-domain sockets and binds UDP (one socket per loop, SO_REUSEPORT); the uring
     * poller receives datagrams with a multishot recvmsg and answers with SENDMSG.
     */
    @Override
    public Set<Transport> transports() {
        return Set.of(Transport.TCP, Transport.UDP, Transport.UNIX);
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        Availability availability = availability();
        if (!availability.available()) {
            throw new IllegalStateException(id() + " is unavailable: " + availability.cause());
        }
        ServerDesigns.checkOptions(this, config);
        ServerDesigns.checkTransport(this, config);
        EngineConfig engineConfig = engineConfig(config);
        return new EngineServer(Engine.start(engineConfig, handler(config.app())));
    }

    EngineConfig engineConfig(ServerConfig config) {
        boolean edgeTriggered = config.flag(OPTION_EDGE_TRIGGERED);
        if (edgeTriggered && poller.resolve() != PollerKind.EPOLL) {
            throw new IllegalArgumentException("option edge-triggered needs the epoll poller");
        }
        long idleTimeoutMs = parseNonNegative(config.option(OPTION_IDLE_TIMEOUT_MS, "0"), OPTION_IDLE_TIMEOUT_MS);
        return EngineConfig.defaults()
                .withAddress(config.bindAddress())
                .withUdp(config.transport() == Transport.UDP)
                .withPoller(poller)
                .withLoops(config.loops())
                .withLoadBalancing(LoadBalancing.parse(config.option(OPTION_LB, LoadBalancing.ROUND_ROBIN.id())))
                .withReusePort(config.flag(OPTION_REUSE_PORT))
                .withEdgeTriggered(edgeTriggered)
                .withIdleTimeoutNs(idleTimeoutMs * 1_000_000L)
                .withConnectionTable(ConnectionTableKind.parse(
                        config.option(OPTION_TABLE, ConnectionTableKind.SLOTS.id())))
                .withReadDelivery(ReadDelivery.parse(config.option(OPTION_READ, ReadDelivery.VIEW.id())))
                .withUringSqPoll(config.flag(OPTION_SQPOLL))
                .withSocketOptions(Boolean.parseBoolean(config.option(OPTION_TCP_NO_DELAY, "true")),
                        config.flag(OPTION_KEEP_ALIVE),
                        (int) parseNonNegative(config.option(OPTION_SEND_BUFFER_BYTES, "0"), OPTION_SEND_BUFFER_BYTES),
                        (int) parseNonNegative(config.option(OPTION_RECEIVE_BUFFER_BYTES, "0"),
                                OPTION_RECEIVE_BUFFER_BYTES));
    }

    static EventHandler handler(App app) {
        return app == App.ECHO ? new EchoHandler() : new SessionHandler(app);
    }

    private static long parseNonNegative(String value, String option) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0 && parsed <= Integer.MAX_VALUE) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below, in one line
        }
        throw new IllegalArgumentException("option " + option + " needs a number from 0 to 2147483647, got '" + value + "'");
    }
}
