package io.reactorbench.loadgen.coordinator;

import io.reactorbench.loadgen.LoadAgents;
import io.reactorbench.results.load.LoadResult;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The coordinator's side of one connection: the protocol's order as a state machine (hello, clock exchange, ready,
 * then intervals in sequence and one result). Whatever breaks it (a frame that is not the protocol's, a message out of
 * order, a gap in the intervals, a result for another shard) ends this session alone, with one log line naming the
 * agent and why; nothing it sent reaches another agent's files.
 */
final class AgentSession {

    private final Coordinator coordinator;
    private final Socket socket;
    private final String peer;
    private final Object sendLock = new Object();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<ClockSample> clockSamples = new ArrayList<>();
    private volatile Integer index;
    private volatile ClockSample clock;
    private volatile boolean ready;
    private volatile boolean started;
    private volatile LoadResult result;
    private volatile String dropReason;
    private volatile Long firstIntervalStartMs;
    private volatile boolean givenUp;
    private volatile HistogramLogWriter log;
    private volatile Path logPath;
    private long nextSeq;

    AgentSession(Coordinator coordinator, Socket socket, String peer) {
        this.coordinator = coordinator;
        this.socket = socket;
        this.peer = peer;
    }

    void serve() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Coordinator.HANDSHAKE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            AgentMessage first = AgentFrames.read(in);
            if (first == null) {
                coordinator.log("connection from " + peer + " closed before its hello");
                return;
            }
            if (!(first instanceof AgentMessage.Hello hello)) {
                throw new ProtocolException("out-of-order message: " + first.typeName() + " before hello");
            }
            String refusal = coordinator.register(this, hello);
            if (refusal != null) {
                refuse("agent " + hello.index() + " (" + peer + ")", refusal);
                return;
            }
            index = hello.index();
            exchangeClocks(in);
            send(new AgentMessage.Welcome(clockOffsetMs()));
            coordinator.log(name() + " registered; clock offset " + offsetText());
            // opening its connections may take long: the ready deadline bounds this wait (the coordinator closes us)
            socket.setSoTimeout(0);
            AgentMessage next = AgentFrames.read(in);
            if (!(next instanceof AgentMessage.Ready)) {
                throw unexpected(next, "ready");
            }
            // again now that the agent is connected and idle: a JVM that has just started answers late and unevenly
            socket.setSoTimeout(Coordinator.HANDSHAKE_TIMEOUT_MS);
            exchangeClocks(in);
            socket.setSoTimeout(0);
            ready = true;
            coordinator.changed();
            receiveRun(in);
        } catch (ProtocolException e) {
            drop(e.getMessage());
        } catch (SocketTimeoutException e) {
            drop("sent nothing for " + TimeUnit.MILLISECONDS.toSeconds(Coordinator.HANDSHAKE_TIMEOUT_MS)
                    + " s during its registration");
        } catch (IOException e) {
            drop("connection lost: " + e.getMessage());
        } finally {
            closeLog();
            closeQuietly(socket);
            ended.countDown();
            coordinator.ended(this);
        }
    }

    /**
     * NTP's exchange, {@link Coordinator#SYNC_ROUNDS} times on this connection; keeps the shortest round trip of these
     * and of the exchanges before.
     */
    private void exchangeClocks(InputStream in) throws IOException {
        for (int round = 0; round < Coordinator.SYNC_ROUNDS; round++) {
            long t1Us = coordinator.nowUs();
            send(new AgentMessage.Ping(t1Us));
            AgentMessage answer = AgentFrames.read(in);
            long t4Us = coordinator.nowUs();
            if (!(answer instanceof AgentMessage.Pong pong) || pong.t1Us() != t1Us) {
                throw unexpected(answer, "the pong of ping " + round);
            }
            clockSamples.add(new ClockSample(t1Us, pong.t2Us(), pong.t3Us(), t4Us));
        }
        clock = ClockSample.best(clockSamples);
    }

    /** After ready: nothing until the start, then intervals in sequence, then the result. */
    private void receiveRun(InputStream in) throws IOException {
        long allowed = coordinator.intervalsAllowed();
        while (true) {
            AgentMessage message = AgentFrames.read(in);
            if (message == null) {
                if (result == null) {
                    drop(givenUp ? dropReason : "disconnected before sending its result");
                }
                return;
            }
            if (!started) {
                throw new ProtocolException("out-of-order message: " + message.typeName() + " before the start");
            }
            switch (message) {
                case AgentMessage.Interval interval -> {
                    if (interval.seq() != nextSeq) {
                        throw new ProtocolException("out-of-order message: interval " + interval.seq() + " where "
                                + nextSeq + " was due");
                    }
                    if (nextSeq >= allowed) {
                        throw new ProtocolException("too many intervals (more than " + allowed + " for this run)");
                    }
                    record(interval);
                    nextSeq++;
                }
                case AgentMessage.Result r -> {
                    String shard = r.result().params() == null ? null : r.result().params().shard();
                    String expected = index + "/" + coordinator.agentCount();
                    if (!expected.equals(shard)) {
                        throw new ProtocolException("malformed message: its result is for shard "
                                + printable(shard, 16) + ", not " + expected);
                    }
                    closeLog();
                    result = r.result();
                    coordinator.changed();
                    return;
                }
                default -> throw unexpected(message, "an interval or the result");
            }
        }
    }

    /** One interval into this agent's log, its stamps moved onto the coordinator's clock. */
    private void record(AgentMessage.Interval interval) throws ProtocolException {
        Histogram histogram;
        try {
            histogram = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(interval.histogram())), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new ProtocolException("malformed message: interval " + interval.seq() + " holds no HdrHistogram"
                    + " compressed histogram");
        }
        long shiftMs = Math.round(clock.offsetUs() / 1000.0);
        long startMs = interval.startMs() - shiftMs;
        histogram.setTag(interval.tag());
        histogram.setStartTimeStamp(startMs);
        histogram.setEndTimeStamp(interval.endMs() - shiftMs);
        log.outputIntervalHistogram(histogram);
        Long first = firstIntervalStartMs;
        firstIntervalStartMs = first == null ? startMs : Math.min(first, startMs);
    }

    /** The start: opens this agent's log and tells it the common instant on its own clock. */
    void start(long startEpochMs) throws IOException {
        logPath = coordinator.cellDir().resolve(LoadAgents.AGENTS_DIR)
                .resolve("agent-" + index + ".hlog");
        Files.createDirectories(logPath.getParent());
        log = new HistogramLogWriter(logPath.toFile());
        log.outputComment("reactorbench coordinate: agent " + index + " of " + coordinator.agentCount() + ", its"
                + " intervals as it streamed them, stamps moved onto the coordinator's clock by its offset of "
                + offsetText() + "; latency in ns");
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMs);
        log.setBaseTime(startEpochMs);
        log.outputLegend();
        started = true;
        try {
            send(new AgentMessage.Start(startEpochMs + Math.round(clock.offsetUs() / 1000.0)));
        } catch (IOException e) {
            giveUp("could not be told the start: " + e.getMessage());
        }
    }

    /** Ends this session from the coordinator's side (deadline, run given up): tells the agent, closes. */
    void giveUp(String reason) {
        if (dropReason == null) {
            dropReason = reason;
        }
        givenUp = true;
        try {
            send(new AgentMessage.Abort(reason));
        } catch (IOException gone) {
            // it is gone already
        }
        closeSocket();
    }

    private void refuse(String who, String reason) {
        coordinator.log(who + " refused: " + reason);
        try {
            send(new AgentMessage.Refuse(reason));
        } catch (IOException gone) {
            // it is gone already
        }
    }

    /** Ends this session for something the agent did (or its connection's loss): one line, then closed. */
    private void drop(String reason) {
        if (givenUp) {
            return;
        }
        if (dropReason == null) {
            dropReason = reason;
        }
        if (index == null) {
            refuse("connection from " + peer, reason);
            return;
        }
        // registered, then broke the protocol or went away: its index is free again before the start, missing after
        coordinator.log(name() + " dropped: " + reason);
        try {
            send(new AgentMessage.Refuse(reason));
        } catch (IOException gone) {
            // it is gone already
        }
    }

    private static ProtocolException unexpected(AgentMessage got, String due) {
        return new ProtocolException(got == null ? "disconnected where " + due + " was due"
                : "out-of-order message: " + got.typeName() + " where " + due + " was due");
    }

    private void send(AgentMessage message) throws IOException {
        synchronized (sendLock) {
            AgentFrames.write(socket.getOutputStream(), message);
        }
    }

    private void closeLog() {
        if (log != null) {
            log.close();
        }
    }

    void closeSocket() {
        closeQuietly(socket);
    }

    void awaitEnded(long timeoutMs) throws InterruptedException {
        ended.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Whether this agent is done: its result is in, or it is gone. */
    boolean over() {
        return result != null || ended.getCount() == 0;
    }

    boolean ready() {
        return ready;
    }

    Integer index() {
        return index;
    }

    String peer() {
        return peer;
    }

    LoadResult result() {
        return result;
    }

    String dropReason() {
        return dropReason == null ? "no reason given" : dropReason;
    }

    Path logPath() {
        return logPath;
    }

    Long firstIntervalStartMs() {
        return firstIntervalStartMs;
    }

    double clockOffsetMs() {
        return clock.offsetUs() / 1000.0;
    }

    double roundTripMs() {
        return clock.roundTripUs() / 1000.0;
    }

    String offsetText() {
        return String.format(Locale.ROOT, "%+.3f ms (round trip %.3f ms)", clockOffsetMs(), roundTripMs());
    }

    private String name() {
        return "agent " + index + " (" + peer + ")";
    }

    static String peerOf(Socket socket) {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() + ":" + address.getPort() : String.valueOf(socket.getRemoteSocketAddress());
    }

    /** Text an agent sent, made safe for a log line: printable ASCII only, at most {@code max} characters. */
    static String printable(String text, int max) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length() && safe.length() < max; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return "'" + safe + (text.length() > max ? "...'" : "'");
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }
}
