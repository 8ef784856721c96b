package io.reactorbench.loadgen;

import io.reactorbench.results.ResultsJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.wire.spi.Transport;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one load-generator process does, validated once here. Built with {@link #builder()}; a process that is
 * one shard of several agents gets {@link #forShard} of the whole.
 *
 * @param targets destinations, used round-robin by connection index; all of one {@link #transport()}. A UDP
 *        "connection" is a connected datagram socket sending one request per datagram (see {@link DatagramEchoProtocol})
 * @param sources source addresses bound round-robin; empty lets the kernel choose
 * @param connections connections held by this process
 * @param connectRatePerSec new connections per second while opening them
 * @param ratePerSec total requests per second of this process (open loop); for idle, connections / heartbeat
 * @param depth requests kept outstanding per connection (closed loop), or allowed in flight (open loop)
 * @param batch closed loop: send {@code depth} requests together and the next ones only when all are answered
 *        (wrk's pipeline.lua), instead of refilling as each answer arrives
 * @param sizeBytes echo message size or rpc request payload
 * @param maxRequests stop after this many completed requests; 0 = no limit
 * @param firstConnectionIndex global index of this shard's first connection (tags echo streams and rpc ids)
 * @param poller how the workers wait for their sockets: NIO Selector, or epoll through FFM ({@code AUTO} is resolved
 *        here, so the spec names the poller that runs)
 * @param readRateBytesPerSec slowread: bytes per second each connection reads of its answers (0 = never reads)
 * @param maxInFlightBytesPerConnection slowread: request bytes a connection may have sent but not had answered;
 *        the sender stops there, so a server that buffers without bound cannot make the run grow without bound
 * @param stages open loop: the total rate over the run (from {@code ratePerSec}), or null for a constant rate
 * @param httpRequest http: the request sent over and over ({@link HttpRequest#PLAINTEXT} unless {@code --url} and
 *        its friends say otherwise)
 * @param ceiling ceiling model: the ramp (its steps this process's shares, like {@code connections}, which is the
 *        top step); null for the other models
 * @param sweep sweep model: its rates or its search (each step the warm-up and window above); null for the other
 *        models
 */
public record LoadSpec(
        List<Target> targets,
        List<InetAddress> sources,
        AppKind app,
        LoadModel model,
        int connections,
        double connectRatePerSec,
        int threads,
        double ratePerSec,
        int depth,
        boolean batch,
        int sizeBytes,
        int responseSizeBytes,
        int cpuSpinNs,
        int blockUs,
        long heartbeatNs,
        long durationNs,
        long warmupNs,
        long maxRequests,
        long timeoutNs,
        int shardIndex,
        int shardCount,
        int firstConnectionIndex,
        PollerKind poller,
        boolean allowRemote,
        long readRateBytesPerSec,
        long maxInFlightBytesPerConnection,
        RateStages stages,
        HttpRequest httpRequest,
        CeilingPlan ceiling,
        SweepPlan sweep) {

    public static final int DEFAULT_ECHO_SIZE_BYTES = 64;
    public static final int DEFAULT_RPC_RESPONSE_BYTES = 64;
    /** slowread: a reader this slow (16 KiB/s) falls behind any sender within a fraction of a second. */
    public static final long DEFAULT_READ_RATE_BYTES_PER_SEC = 16 * 1024;
    /** slowread: ends the sending of a connection whose server buffers everything, well before memory runs out. */
    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 64L << 20;
    /**
     * Warm-up of the command line and of suites: the first second of a fresh JVM runs interpreted and compiling
     * (p99 of 35-51 ms seen here against ~3 ms steady), which a short window would otherwise report.
     */
    public static final String DEFAULT_WARMUP = "5s";
    /** Connections opened per second: paced, so that the opening is not a SYN flood the server's backlog drops. */
    public static final double DEFAULT_CONNECT_RATE_PER_SEC = 2_000;
    /** Churn measures opening connections, so it opens them as fast as it can. */
    public static final double UNPACED_CONNECT_RATE_PER_SEC = 1e9;

    public LoadSpec {
        targets = List.copyOf(targets);
        sources = List.copyOf(sources);
        require(!targets.isEmpty(), "no target given (use --target host:port)");
        require(targets.stream().map(Target::transport).distinct().count() == 1,
                "targets mix transports: one run drives one transport");
        if (!allowRemote) {
            for (Target t : targets) {
                require(t.isLocal(), "target " + t.text()
                        + " is not a loopback address; pass --allow-remote to load another machine");
            }
            for (InetAddress s : sources) {
                require(Endpoints.isLoopback(s), "source " + s.getHostAddress()
                        + " is not a loopback address; pass --allow-remote to use it");
            }
        }
        require(app != null && model != null && poller != null, "app, model and poller are required");
        poller = poller.resolve(); // AUTO becomes the poller that runs here, which load.json records
        require(poller != PollerKind.URING, "--poller uring is a server poller (engine-uring); the load generator"
                + " waits with epoll or nio");
        require(connections >= 1, "--connections must be at least 1");
        require(connectRatePerSec > 0, "--connect-rate must be positive");
        require(threads >= 1, "--threads must be at least 1");
        threads = Math.min(threads, connections);
        require(depth >= 1 && depth <= 1024, "--depth must be 1..1024");
        require(sizeBytes >= 0 && sizeBytes <= 1 << 24, "--size must be 0..16 MiB");
        require(app != AppKind.ECHO || sizeBytes >= 1, "--size must be at least 1 for echo");
        require(responseSizeBytes >= 0 && responseSizeBytes <= 1 << 24, "--response-size must be 0..16 MiB");
        require(cpuSpinNs >= 0 && blockUs >= 0, "--cpu-ns and --block-us must not be negative");
        require(durationNs > 0, "--duration must be positive");
        require(warmupNs >= 0, "--warmup must not be negative");
        require(maxRequests >= 0, "--requests must not be negative");
        require(timeoutNs > 0, "--timeout must be positive");
        require(shardCount >= 1 && shardIndex >= 0 && shardIndex < shardCount, "--shard must be i/K with 0 <= i < K");
        require(ratePerSec >= 0, "--rate must be > 0");
        require(stages == null || model == LoadModel.OPEN, "--stages applies to the open model only");
        switch (model) {
            case OPEN -> require(ratePerSec > 0 || stages != null, "the open model needs --rate (total requests per second)");
            case IDLE -> {
                require(heartbeatNs > 0, "the idle model needs a positive --heartbeat");
                ratePerSec = connections * (double) TimeUnit.SECONDS.toNanos(1) / heartbeatNs;
            }
            case CEILING -> require(ratePerSec > 0, "the ceiling model needs --rate (total requests per second of each hold)");
            case SWEEP -> require(ratePerSec == 0, "the sweep model's rates are --rates or --find's search, not --rate");
            case CLOSED, CHURN, SLOWREAD -> require(ratePerSec == 0, "--rate applies to the open model only");
        }
        require((model == LoadModel.CEILING) == (ceiling != null), "--steps, --hold and --verify-rate apply to the"
                + " ceiling model only, and it needs --steps");
        if (ceiling != null) {
            require(app == AppKind.ECHO, "the ceiling model drives the echo app only (each connection is verified by"
                    + " an echo), not " + app.id());
            require(depth == 1, "the ceiling model sends one request at a time per connection (no --depth)");
            require(connections == ceiling.topConnections(), "the ceiling model's connections are its top step");
        }
        require((model == LoadModel.SWEEP) == (sweep != null), "--rates and --find apply to the sweep model only,"
                + " and it needs one of them");
        if (sweep != null) {
            require(depth == 1, "the sweep model sends one request at a time per connection (no --depth)");
            require(maxRequests == 0, "the sweep model's steps are timed (no --requests)");
        }
        require(readRateBytesPerSec >= 0, "--read-rate must not be negative");
        require(model == LoadModel.SLOWREAD || readRateBytesPerSec == 0, "--read-rate applies to the slowread model only");
        if (model == LoadModel.SLOWREAD) {
            require(app == AppKind.ECHO || app == AppKind.RPC, "the slowread model drives echo or rpc, not " + app.id());
            require(depth == 1, "the slowread model sends as fast as the socket accepts (no --depth)");
            int oneRequestBytes = requestBytes(app, sizeBytes);
            require(maxInFlightBytesPerConnection >= oneRequestBytes,
                    "--max-in-flight must hold at least one request (" + oneRequestBytes + " bytes)");
        }
        require(model != LoadModel.CHURN || depth == 1, "the churn model sends one request per connection (no --depth)");
        Transport transport = targets.getFirst().transport();
        require(transport != Transport.UNIX || sources.isEmpty(), "--source does not apply to unix targets");
        if (transport == Transport.UDP) {
            require(app == AppKind.ECHO, "udp targets take the echo app only (one datagram per request), not "
                    + app.id());
            require(model != LoadModel.SLOWREAD && model != LoadModel.CHURN && model != LoadModel.CEILING
                            && model != LoadModel.SWEEP,
                    "the " + model.id() + " model needs connections; udp has none");
            require(sizeBytes >= DatagramEchoProtocol.HEADER_BYTES && sizeBytes <= DatagramEchoProtocol.MAX_DATAGRAM_BYTES,
                    "--size must be " + DatagramEchoProtocol.HEADER_BYTES + ".." + DatagramEchoProtocol.MAX_DATAGRAM_BYTES
                            + " for udp (a datagram starts with its connection and sequence number)");
        }
        require(!batch || model == LoadModel.CLOSED, "--batch applies to the closed model only");
        require(httpRequest != null, "httpRequest is required (HttpRequest.PLAINTEXT by default)");
        require(app == AppKind.HTTP || httpRequest == HttpRequest.PLAINTEXT,
                "--url, --method, --header and --body apply to --app http only");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The transport of every target. */
    public Transport transport() {
        return targets.getFirst().transport();
    }

    /** Bytes of one request on the wire. */
    public int requestBytes() {
        return app == AppKind.HTTP ? httpRequest.bytes().length : requestBytes(app, sizeBytes);
    }

    private static int requestBytes(AppKind app, int sizeBytes) {
        return switch (app) {
            case ECHO -> sizeBytes;
            case RPC -> io.reactorbench.wire.rpc.RpcFrame.requestLength(sizeBytes);
            case HTTP -> io.reactorbench.wire.client.HttpRequests.GET_PLAINTEXT.length;
        };
    }

    /** The part of this load that shard {@code index} of {@code count} runs: connections, rate and requests split. */
    public LoadSpec forShard(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard must be i/K with 0 <= i < K");
        }
        if (sweep != null && count > 1) {
            // Each step's verdict needs the whole load's latency before the next rate is chosen.
            throw new IllegalArgumentException("the sweep model runs as one process (no --agents or --shard)");
        }
        if (connections < count) {
            throw new IllegalArgumentException("cannot split " + connections + " connections into " + count + " shards");
        }
        int share = connections / count + (index < connections % count ? 1 : 0);
        int first = index * (connections / count) + Math.min(index, connections % count);
        double fraction = share / (double) connections;
        long requests = maxRequests == 0 ? 0 : Math.max(1, Math.round(maxRequests * fraction));
        return new LoadSpec(targets, sources, app, model, share, connectRatePerSec / count, threads,
                model == LoadModel.OPEN || model == LoadModel.CEILING ? ratePerSec * fraction : 0, depth, batch, sizeBytes, responseSizeBytes,
                cpuSpinNs, blockUs, heartbeatNs, durationNs, warmupNs, requests, timeoutNs, index, count,
                firstConnectionIndex + first, poller, allowRemote, readRateBytesPerSec, maxInFlightBytesPerConnection,
                stages == null ? null : stages.scaled(fraction),
                httpRequest, ceiling == null ? null : ceiling.forShard(index, count), sweep);
    }

    /**
     * A short digest of what this load asks of the server, so that a coordinator can refuse an agent started with
     * other load options than its own: the request (load.json's params) and the pacing, not where it runs from
     * (threads, poller, source addresses, shard and remote permission differ between machines by right).
     */
    public String fingerprint() {
        LoadResult.Params p = LoadResults.params(this);
        LoadResult.Params workload = new LoadResult.Params(
                p.app(), p.model(), p.connections(), p.rate(), p.size(), p.depth(), p.batch(), p.responseSize(),
                p.cpuSpinNs(), p.blockUs(), p.warmupSeconds(), p.durationSeconds(), p.timeoutSeconds(), 0, p.targets(),
                null, null, p.readRateBytesPerSec(), p.maxInFlightBytes(), p.transport(), p.stages());
        String text = ResultsJson.compact().writeValueAsString(workload)
                + "|connectRatePerSec=" + connectRatePerSec + "|heartbeatNs=" + heartbeatNs
                + "|maxRequests=" + maxRequests + "|request=" + HexFormat.of().formatHex(sha256(httpRequest.bytes()));
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Named setters for the many knobs; {@link #build()} validates. */
    public static final class Builder {
        private List<Target> targets = List.of();
        private List<InetAddress> sources = List.of();
        private AppKind app = AppKind.ECHO;
        private LoadModel model;
        private int connections = 10;
        private Double connectRatePerSec;
        private int threads = Runtime.getRuntime().availableProcessors();
        private double ratePerSec;
        private int depth = 1;
        private boolean batch;
        private Integer sizeBytes;
        private int responseSizeBytes = DEFAULT_RPC_RESPONSE_BYTES;
        private int cpuSpinNs;
        private int blockUs;
        private long heartbeatNs = TimeUnit.SECONDS.toNanos(5);
        private long durationNs = TimeUnit.SECONDS.toNanos(10);
        private long warmupNs;
        private long maxRequests;
        private long timeoutNs = TimeUnit.SECONDS.toNanos(5);
        private boolean allowRemote;
        private PollerKind poller = PollerKind.AUTO;
        private Long readRateBytesPerSec;
        private long maxInFlightBytesPerConnection = DEFAULT_MAX_IN_FLIGHT_BYTES;
        private RateStages stages;
        private HttpRequest httpRequest = HttpRequest.PLAINTEXT;
        private CeilingPlan ceiling;
        private SweepPlan sweep;

        public Builder targets(List<Target> v) { targets = v; return this; }
        public Builder sources(List<InetAddress> v) { sources = v; return this; }
        public Builder app(AppKind v) { app = v; return this; }
        /** Null picks open when a rate is given, else closed. */
        public Builder model(LoadModel v) { model = v; return this; }
        public Builder connections(int v) { connections = v; return this; }
        /** Unset picks {@link #DEFAULT_CONNECT_RATE_PER_SEC}, or unpaced for churn. */
        public Builder connectRatePerSec(double v) { connectRatePerSec = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder ratePerSec(double v) { ratePerSec = v; return this; }
        public Builder depth(int v) { depth = v; return this; }
        public Builder batch(boolean v) { batch = v; return this; }
        /** Null picks the app's default (echo 64 bytes, rpc 0 payload bytes). */
        public Builder sizeBytes(Integer v) { sizeBytes = v; return this; }
        public Builder responseSizeBytes(int v) { responseSizeBytes = v; return this; }
        public Builder cpuSpinNs(int v) { cpuSpinNs = v; return this; }
        public Builder blockUs(int v) { blockUs = v; return this; }
        public Builder heartbeatNs(long v) { heartbeatNs = v; return this; }
        public Builder durationNs(long v) { durationNs = v; return this; }
        public Builder warmupNs(long v) { warmupNs = v; return this; }
        public Builder maxRequests(long v) { maxRequests = v; return this; }
        public Builder timeoutNs(long v) { timeoutNs = v; return this; }
        public Builder allowRemote(boolean v) { allowRemote = v; return this; }
        public Builder poller(PollerKind v) { poller = v; return this; }
        /** Null picks {@value #DEFAULT_READ_RATE_BYTES_PER_SEC} for slowread (0 otherwise). */
        public Builder readRateBytesPerSec(Long v) { readRateBytesPerSec = v; return this; }
        public Builder maxInFlightBytesPerConnection(long v) { maxInFlightBytesPerConnection = v; return this; }
        /** Null for a constant rate. */
        public Builder stages(RateStages v) { stages = v; return this; }
        public Builder httpRequest(HttpRequest v) { httpRequest = v; return this; }
        /** The ceiling model's ramp; its top step sets the connections. */
        public Builder ceiling(CeilingPlan v) { ceiling = v; return this; }
        /** The sweep model's rates or search. */
        public Builder sweep(SweepPlan v) { sweep = v; return this; }

        public LoadSpec build() {
            LoadModel m = model != null ? model : ceiling != null ? LoadModel.CEILING : sweep != null ? LoadModel.SWEEP
                    : ratePerSec > 0 || stages != null ? LoadModel.OPEN : LoadModel.CLOSED;
            int size = sizeBytes != null ? sizeBytes : app == AppKind.ECHO ? DEFAULT_ECHO_SIZE_BYTES : 0;
            double connectRate = connectRatePerSec != null ? connectRatePerSec
                    : m == LoadModel.CHURN ? UNPACED_CONNECT_RATE_PER_SEC : DEFAULT_CONNECT_RATE_PER_SEC;
            return new LoadSpec(targets, sources, app, m, ceiling != null ? ceiling.topConnections() : connections,
                    connectRate, threads,
                    ratePerSec, depth, batch, size, responseSizeBytes, cpuSpinNs,
                    // Ceiling: each step's measured window is its hold, which load.json's params then say.
                    blockUs, heartbeatNs, ceiling != null ? ceiling.holdNs() : durationNs, warmupNs, maxRequests,
                    timeoutNs, 0, 1, 0, poller, allowRemote,
                    readRateBytesPerSec != null ? readRateBytesPerSec
                            : m == LoadModel.SLOWREAD ? DEFAULT_READ_RATE_BYTES_PER_SEC : 0,
                    maxInFlightBytesPerConnection, stages, httpRequest, ceiling, sweep);
        }
    }
}
