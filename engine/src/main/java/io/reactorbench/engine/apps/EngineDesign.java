package io.reactorbench.engine.apps;

import io.reactorbench.engine.ConnectionTableKind;
import io.reactorbench.engine.Engine;
import io.reactorbench.engine.EngineConfig;
import io.reactorbench.engine.EventHandler;
import io.reactorbench.engine.LoadBalancing;
import io.reactorbench.engine.ReadDelivery;
import io.reactorbench.engine.UringTuning;
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
    /** The uring poller's batched wait in µs ({@code batch-wait-us=0} turns it off; {@link UringTuning}). */
    static final String OPTION_BATCH_WAIT_US = "batch-wait-us";
    /**
     * {@code engine} only: {@code uring=false} keeps auto off io_uring, choosing as before issue 21 (epoll where it
     * works, else nio), for a user who wants the old default without naming a poller that may be missing.
     */
    static final String OPTION_URING = "uring";
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
            case AUTO -> "auto poller: io_uring where it works, epoll for udp and edge-triggered, nio without epoll;"
                    + " uring=false skips io_uring (here: " + poller.resolveForServer(false, false).describe() + ")";
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
            options.add(OPTION_BATCH_WAIT_US);
            return Set.copyOf(options);
        }
        if (poller == PollerKind.NIO) {
            return COMMON_OPTIONS; // edge-triggered is an epoll mode
        }
        Set<String> options = new java.util.HashSet<>(COMMON_OPTIONS);
        options.add(OPTION_EDGE_TRIGGERED); // on auto it picks epoll
        if (poller == PollerKind.AUTO) {
            options.add(OPTION_URING);
        }
        return Set.copyOf(options);
    }

    /**
     * Every poller listens on TCP and Unix-domain sockets and binds UDP (one socket per loop, SO_REUSEPORT); the uring
     * poller receives datagrams with a multishot recvmsg and answers with SENDMSG. Auto picks epoll for a UDP server
     * ({@link PollerKind#resolveForServer}): UDP on io_uring is served but not yet measured.
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
        boolean udp = config.transport() == Transport.UDP;
        PollerKind asked = poller == PollerKind.AUTO && !uringAllowed(config) ? PollerKind.AUTO.resolve() : poller;
        if (edgeTriggered && asked.resolveForServer(udp, true).poller() != PollerKind.EPOLL) {
            throw new IllegalArgumentException("option edge-triggered needs the epoll poller");
        }
        long idleTimeoutMs = parseNonNegative(config.option(OPTION_IDLE_TIMEOUT_MS, "0"), OPTION_IDLE_TIMEOUT_MS);
        return EngineConfig.defaults()
                .withAddress(config.bindAddress())
                .withUdp(udp)
                .withPoller(asked)
                .withLoops(config.loops())
                .withLoadBalancing(LoadBalancing.parse(config.option(OPTION_LB, LoadBalancing.ROUND_ROBIN.id())))
                .withReusePort(config.flag(OPTION_REUSE_PORT))
                .withEdgeTriggered(edgeTriggered)
                .withIdleTimeoutNs(idleTimeoutMs * 1_000_000L)
                .withConnectionTable(ConnectionTableKind.parse(
                        config.option(OPTION_TABLE, ConnectionTableKind.SLOTS.id())))
                .withReadDelivery(ReadDelivery.parse(config.option(OPTION_READ, ReadDelivery.VIEW.id())))
                .withUring(new UringTuning(config.flag(OPTION_SQPOLL), (int) parseNonNegative(config.option(
                        OPTION_BATCH_WAIT_US, Integer.toString(UringTuning.DEFAULTS.batchWaitUs())), OPTION_BATCH_WAIT_US)))
                .withSocketOptions(Boolean.parseBoolean(config.option(OPTION_TCP_NO_DELAY, "true")),
                        config.flag(OPTION_KEEP_ALIVE),
                        (int) parseNonNegative(config.option(OPTION_SEND_BUFFER_BYTES, "0"), OPTION_SEND_BUFFER_BYTES),
                        (int) parseNonNegative(config.option(OPTION_RECEIVE_BUFFER_BYTES, "0"),
                                OPTION_RECEIVE_BUFFER_BYTES));
    }

    /**
     * False for {@code uring=false}: then auto is resolved here as it was before it could pick io_uring (among the
     * readiness pollers, as a client's is), and the engine gets that poller by name.
     */
    private static boolean uringAllowed(ServerConfig config) {
        String value = config.option(OPTION_URING, "true");
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("option " + OPTION_URING + " needs true or false, got '" + value + "'");
        }
        return value.equals("true");
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
