package io.reactorbench.loadgen.coordinator;

import io.reactorbench.loadgen.AgentBarrier;
import io.reactorbench.loadgen.LoadAgents;
import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.loadgen.ShardMerge;
import io.reactorbench.results.AgentClock;
import io.reactorbench.results.AgentCoordination;
import io.reactorbench.results.ResultsLayout;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The coordinator of a load spread over K agents on other machines ({@code reactorbench coordinate}): the network
 * version of {@link AgentBarrier} and {@link LoadAgents}' merge. It listens, admits exactly the run's K agents (the
 * token, each index once, the same load spec: {@link #register}), measures each one's clock offset on its own
 * connection, starts all of them at one instant {@value AgentBarrier#LEAD_MS} ms after the last is connected (each
 * told that instant on its own clock), writes each agent's streamed intervals to {@code agents/agent-i.hlog} with its
 * stamps moved onto the coordinator's clock, and merges them with {@link ShardMerge} exactly as local agents' logs
 * are merged. An agent that never arrives fails the run before any load is sent; one that goes away mid-run leaves
 * the others' merged result, marked incomplete with its index. A misbehaving connection is refused in one log line
 * and touches nothing but its own session.
 */
public final class Coordinator implements AutoCloseable {

    /** Round trips of each clock exchange (at registration, and once ready); the shortest of all is kept. */
    static final int SYNC_ROUNDS = 8;
    /** How long a new connection may take to say hello, and an agent to answer each ping. */
    static final int HANDSHAKE_TIMEOUT_MS = 10_000;
    /** Time allowed past the run's warm-up and window for every agent's last interval and result to arrive. */
    static final long RESULT_SLACK_MS = 60_000;
    /** Connections held beyond the run's K before they registered: more are closed at once (a flood). */
    static final int SPARE_CONNECTIONS = 16;
    /** How long a session given up on may take to close its files. */
    private static final long SESSION_END_WAIT_MS = 5_000;

    /**
     * What to run.
     *
     * @param whole           the whole load, as every agent was given it (its fingerprint admits them)
     * @param agents          K
     * @param token           the run's secret
     * @param readyDeadlineMs from {@link #run()}, how long all K may take to register and open their connections
     * @param cellDir         where the merged {@code latency.hlog} and {@code agents/} are written
     */
    public record Settings(LoadSpec whole, int agents, AgentToken token, long readyDeadlineMs, Path cellDir) {

        public Settings {
            if (agents < 1) {
                throw new IllegalArgumentException("--agents must be at least 1");
            }
        }
    }

    /**
     * What the run produced.
     *
     * @param merged       the merged result (with its {@link AgentCoordination})
     * @param agentResults the results of the agents it merged, by index (the missing ones left out)
     */
    public record Outcome(LoadResult merged, List<LoadResult> agentResults) {

        public boolean incomplete() {
            return merged.coordination().incomplete();
        }
    }

    /** The run could not start: some agent never registered or never got its connections open. */
    public static final class NotStartedException extends Exception {
        NotStartedException(String message) {
            super(message, null, false, false);
        }
    }

    private enum State { WAITING, STARTED, OVER }

    private final Settings settings;
    private final Consumer<String> log;
    private final LongSupplier nowUs;
    private final ServerSocket server;
    private final String fingerprint;
    private final Object lock = new Object();
    private final AgentSession[] slots;
    private final Set<AgentSession> connected = ConcurrentHashMap.newKeySet();
    private State state = State.WAITING;
    private long startEpochMs;

    /**
     * Binds {@code listen} at once (port 0: any free port, see {@link #address()}); {@code log} receives one line per
     * event and refusal; {@code nowUs} is the coordinator's clock in epoch µs ({@link ClockSample#nowUs}).
     */
    public Coordinator(Settings settings, InetSocketAddress listen, Consumer<String> log, LongSupplier nowUs)
            throws IOException {
        this.settings = settings;
        this.log = log;
        this.nowUs = nowUs;
        this.fingerprint = settings.whole().fingerprint();
        this.slots = new AgentSession[settings.agents()];
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen, 64);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * Waits for the K agents, starts them, collects and merges what they send.
     *
     * @throws NotStartedException when not all K were connected within the ready deadline (no agent started)
     */
    public Outcome run() throws IOException, InterruptedException, NotStartedException {
        Thread.ofPlatform().daemon().name("coordinator-accept").start(this::acceptLoop);
        try {
            List<AgentSession> agents = awaitReady();
            for (AgentSession agent : agents) {
                agent.start(startEpochMs);
            }
            log.accept("started " + agents.size() + " agents at " + Instant.ofEpochMilli(startEpochMs) + "; clock "
                    + "offsets " + agents.stream().map(a -> a.index() + ": " + a.offsetText())
                    .collect(Collectors.joining(", ")));
            awaitResults(agents);
            return merge(agents);
        } finally {
            close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            String peer = AgentSession.peerOf(socket);
            if (connected.size() >= settings.agents() + SPARE_CONNECTIONS) {
                log.accept("connection from " + peer + " refused: " + connected.size() + " connections are open"
                        + " already");
                AgentSession.closeQuietly(socket);
                continue;
            }
            AgentSession session = new AgentSession(this, socket, peer);
            connected.add(session);
            Thread.ofVirtual().name("agent-session-" + peer).start(session::serve);
        }
    }

    private List<AgentSession> awaitReady() throws InterruptedException, NotStartedException {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.readyDeadlineMs());
        List<AgentSession> toAbort;
        String reason;
        synchronized (lock) {
            while (!allReady()) {
                long leftNs = deadlineNs - System.nanoTime();
                if (leftNs <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, leftNs);
            }
            if (allReady()) {
                state = State.STARTED;
                startEpochMs = nowUs.getAsLong() / 1000 + AgentBarrier.LEAD_MS;
                return List.of(slots);
            }
            state = State.OVER;
            reason = notReadyReason();
            toAbort = new ArrayList<>(connected);
        }
        for (AgentSession session : toAbort) {
            session.giveUp(reason);
        }
        throw new NotStartedException(reason);
    }

    private boolean allReady() {
        for (AgentSession slot : slots) {
            if (slot == null || !slot.ready()) {
                return false;
            }
        }
        return true;
    }

    /** "no agent started: agents 1, 2 did not register ... within 5 s (--ready-deadline)". */
    private String notReadyReason() {
        List<Integer> absent = new ArrayList<>();
        List<Integer> unready = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                absent.add(i);
            } else if (!slots[i].ready()) {
                unready.add(i);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!absent.isEmpty()) {
            parts.add(agents(absent) + " did not register");
        }
        if (!unready.isEmpty()) {
            parts.add(agents(unready) + " registered but did not open " + (unready.size() == 1 ? "its" : "their")
                    + " connections");
        }
        return "no agent started: " + String.join(" and ", parts) + " within "
                + TimeUnit.MILLISECONDS.toSeconds(settings.readyDeadlineMs()) + " s (--ready-deadline)";
    }

    static String agents(List<Integer> indexes) {
        return (indexes.size() == 1 ? "agent " : "agents ")
                + indexes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private void awaitResults(List<AgentSession> agents) throws InterruptedException {
        long windowMs = TimeUnit.NANOSECONDS.toMillis(settings.whole().warmupNs() + settings.whole().durationNs());
        long endMs = startEpochMs + windowMs + RESULT_SLACK_MS;
        synchronized (lock) {
            while (!agents.stream().allMatch(AgentSession::over)) {
                long leftMs = endMs - nowUs.getAsLong() / 1000;
                if (leftMs <= 0) {
                    break;
                }
                lock.wait(leftMs);
            }
            state = State.OVER;
        }
        for (AgentSession agent : agents) {
            if (!agent.over()) {
                agent.giveUp("sent no result within " + TimeUnit.MILLISECONDS.toSeconds(windowMs + RESULT_SLACK_MS)
                        + " s of the start");
            }
        }
        for (AgentSession agent : agents) {
            agent.awaitEnded(SESSION_END_WAIT_MS);
        }
    }

    private Outcome merge(List<AgentSession> agents) throws IOException {
        List<AgentSession> present = agents.stream().filter(a -> a.result() != null).toList();
        List<Integer> missing = agents.stream().filter(a -> a.result() == null).map(AgentSession::index).toList();
        if (!missing.isEmpty()) {
            log.accept("incomplete: " + agents(missing) + " missing from the result ("
                    + agents.stream().filter(a -> a.result() == null).map(a -> a.index() + ": " + a.dropReason())
                    .collect(Collectors.joining("; ")) + ")");
        }
        Path agentsDir = settings.cellDir().resolve(LoadAgents.AGENTS_DIR);
        Files.createDirectories(agentsDir);
        List<LoadResult> results = new ArrayList<>();
        for (AgentSession agent : present) {
            results.add(agent.result());
            LoadJson.write(agent.result(), agentsDir.resolve("agent-" + agent.index() + ".json"));
        }
        ShardMerge.Totals totals = ShardMerge.mergeLogs(present.stream().map(AgentSession::logPath).toList(),
                settings.cellDir().resolve(ResultsLayout.LATENCY_LOG_FILE));
        Long earliestMs = present.stream().map(AgentSession::firstIntervalStartMs).filter(t -> t != null)
                .min(Long::compare).orElse(null);
        List<AgentClock> clocks = new ArrayList<>();
        for (AgentSession agent : agents) {
            Long firstMs = agent.result() == null ? null : agent.firstIntervalStartMs();
            clocks.add(new AgentClock(agent.index(), agent.clockOffsetMs(), agent.roundTripMs(),
                    firstMs == null || earliestMs == null ? null : firstMs - earliestMs));
        }
        AgentCoordination coordination = new AgentCoordination(clocks, missing);
        return new Outcome(ShardMerge.mergeResults(settings.whole(), results, totals, coordination), results);
    }

    /**
     * Admits {@code session} as the agent its hello names, or says why not (one line, for the log and the agent).
     * Checked in this order so that a peer without the token learns nothing about the run.
     */
    String register(AgentSession session, AgentMessage.Hello hello) {
        synchronized (lock) {
            if (!settings.token().admits(hello.token())) {
                return "wrong token";
            }
            int k = settings.agents();
            if (hello.agents() != k) {
                return "it was started as one of " + hello.agents() + " agents, this run has " + k;
            }
            long registered = Arrays.stream(slots).filter(s -> s != null).count();
            if (registered == k) {
                return "all " + k + " agents are registered already";
            }
            if (state != State.WAITING) {
                return "the run is over";
            }
            int index = hello.index();
            if (index < 0 || index >= k) {
                return "index " + index + " is out of range 0.." + (k - 1);
            }
            if (slots[index] != null) {
                return "index " + index + " is taken already (by " + slots[index].peer() + ")";
            }
            if (!fingerprint.equals(hello.spec())) {
                return "its load spec (fingerprint " + AgentSession.printable(hello.spec(), 16) + ") differs from the"
                        + " coordinator's (" + fingerprint + "): give the agents and the coordinator the same load"
                        + " options";
            }
            slots[index] = session;
            return null;
        }
    }

    /** A session's state moved (ready, result in): the waits re-check. */
    void changed() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** A session that ended: before the start it frees its index (another agent may take it), after it is missing. */
    void ended(AgentSession session) {
        connected.remove(session);
        synchronized (lock) {
            Integer index = session.index();
            if (state == State.WAITING && index != null && slots[index] == session) {
                slots[index] = null;
            }
            lock.notifyAll();
        }
    }

    void log(String line) {
        log.accept(line);
    }

    long nowUs() {
        return nowUs.getAsLong();
    }

    int agentCount() {
        return settings.agents();
    }

    Path cellDir() {
        return settings.cellDir();
    }

    /** Intervals one agent may send: three series per second of its run, and a minute of slack. */
    long intervalsAllowed() {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(settings.whole().warmupNs() + settings.whole().durationNs());
        return 3 * (seconds + 60);
    }

    @Override
    public void close() {
        AgentSession.closeQuietly(server);
        for (AgentSession session : connected) {
            session.closeSocket();
        }
    }
}
