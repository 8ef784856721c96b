package io.reactorbench.loadgen.coordinator;

import io.reactorbench.loadgen.IntervalSink;
import io.reactorbench.loadgen.StartGate;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.wire.spi.HostPort;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;

/**
 * An agent's side of the agent protocol ({@code load --coordinator HOST:PORT}): registers with the coordinator
 * (retrying the connect while it is not up yet: in Kubernetes the agents' pods may start first), answers its clock
 * pings, is its run's {@link StartGate} (sends ready once connected, starts at the instant the coordinator gives) and
 * {@link IntervalSink}, and sends the result. After the start a reader watches the connection: if the coordinator goes
 * away or gives the run up, {@link #onLost} runs (the run stops: no agent loads a server unattended).
 */
public final class CoordinatorLink implements AutoCloseable {

    /** Pause between attempts to reach a coordinator that is not listening yet. */
    static final long CONNECT_RETRY_MS = 500;
    /** Bound on each attempt's connect and on each reply during registration. */
    static final int HANDSHAKE_TIMEOUT_MS = 30_000;
    /** More pings than any coordinator of this protocol sends: a peer that keeps pinging is not one. */
    private static final int MAX_PINGS = 64;

    /** The coordinator refused this agent (wrong token, index taken ...): its reason, one line. */
    public static final class RefusedException extends IOException {
        RefusedException(String message) {
            super(message);
        }
    }

    /** The coordinator could not be reached, went away or gave the run up. */
    public static final class LostException extends IOException {
        LostException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final String coordinator;
    private final Object sendLock = new Object();
    private final LongSupplier nowUs;
    private final double clockOffsetMs;
    private volatile Runnable onLost = () -> { };
    private volatile String lostReason;
    private volatile boolean finishing;
    private long nextSeq;

    private CoordinatorLink(Socket socket, InputStream in, String coordinator, LongSupplier nowUs,
            double clockOffsetMs) {
        this.socket = socket;
        this.in = in;
        this.coordinator = coordinator;
        this.nowUs = nowUs;
        this.clockOffsetMs = clockOffsetMs;
    }

    /**
     * Connects (retrying for up to {@code reachWithinMs}), says hello, answers the clock exchange and returns once
     * welcomed.
     *
     * @throws RefusedException when the coordinator refuses this agent
     * @throws LostException when it cannot be reached in time or closes the connection
     */
    public static CoordinatorLink register(HostPort address, AgentToken token, int index, int agents,
            String fingerprint, long reachWithinMs, LongSupplier nowUs) throws IOException {
        String name = address.host() + ":" + address.port();
        Socket socket = connect(address, name, reachWithinMs);
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            AgentFrames.write(socket.getOutputStream(), new AgentMessage.Hello(token.value(), index, agents,
                    fingerprint));
            for (int pings = 0; pings <= MAX_PINGS; pings++) {
                AgentMessage message = AgentFrames.read(in);
                long receivedUs = nowUs.getAsLong();
                switch (message) {
                    case AgentMessage.Ping ping -> AgentFrames.write(socket.getOutputStream(),
                            new AgentMessage.Pong(ping.t1Us(), receivedUs, nowUs.getAsLong()));
                    case AgentMessage.Welcome welcome -> {
                        socket.setSoTimeout(0);
                        return new CoordinatorLink(socket, in, name, nowUs, welcome.clockOffsetMs());
                    }
                    case AgentMessage.Refuse refuse -> throw new RefusedException("the coordinator at " + name
                            + " refused this agent: " + refuse.reason());
                    case AgentMessage.Abort abort -> throw new LostException("the coordinator at " + name
                            + " gave the run up: " + abort.reason());
                    case null -> throw new LostException("the coordinator at " + name + " closed the connection"
                            + " before welcoming this agent");
                    default -> throw new ProtocolException("the coordinator at " + name + " sent "
                            + message.typeName() + " during the registration");
                }
            }
            throw new ProtocolException("the coordinator at " + name + " sent more than " + MAX_PINGS + " pings");
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new LostException("the coordinator at " + name + " did not answer within "
                    + TimeUnit.MILLISECONDS.toSeconds(HANDSHAKE_TIMEOUT_MS) + " s");
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket connect(HostPort address, String name, long reachWithinMs) throws IOException {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(reachWithinMs);
        while (true) {
            InetSocketAddress target = new InetSocketAddress(address.host(), address.port());
            Socket socket = new Socket();
            try {
                if (target.isUnresolved()) {
                    throw new ConnectException("cannot resolve " + address.host());
                }
                socket.connect(target, HANDSHAKE_TIMEOUT_MS);
                return socket;
            } catch (ConnectException | NoRouteToHostException | SocketTimeoutException e) {
                socket.close();
                if (System.nanoTime() > deadlineNs) {
                    throw new LostException("cannot reach the coordinator at " + name + " within "
                            + TimeUnit.MILLISECONDS.toSeconds(reachWithinMs) + " s: " + e.getMessage());
                }
                try {
                    Thread.sleep(CONNECT_RETRY_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new LostException("interrupted while reaching the coordinator at " + name);
                }
            }
        }
    }

    /** What the coordinator measured: this agent's clock minus its own, in ms. */
    public double clockOffsetMs() {
        return clockOffsetMs;
    }

    /** What to do when the coordinator is lost after the start (stop the run); set before the start. */
    public void onLost(Runnable action) {
        this.onLost = action;
    }

    /**
     * Why the coordinator was lost after the start (it went away or gave the run up), or null while it is there:
     * a run that lost it must not pass for a share of the result.
     */
    public String lostReason() {
        return lostReason;
    }

    /** The run's start gate: "ready" once connected, then the instant the coordinator gives (this agent's clock). */
    public StartGate startGate() {
        return () -> {
            send(new AgentMessage.Ready());
            AgentMessage message = AgentFrames.read(in);
            // the coordinator measures the clock again once this agent is connected and idle
            for (int pings = 0; message instanceof AgentMessage.Ping ping && pings <= MAX_PINGS; pings++) {
                long receivedUs = nowUs.getAsLong();
                send(new AgentMessage.Pong(ping.t1Us(), receivedUs, nowUs.getAsLong()));
                message = AgentFrames.read(in);
            }
            switch (message) {
                case AgentMessage.Start start -> {
                    Thread.ofPlatform().daemon().name("coordinator-watch").start(this::watch);
                    return start.startEpochMs();
                }
                case AgentMessage.Abort abort -> throw new LostException("the coordinator at " + coordinator
                        + " gave the run up before the start: " + abort.reason());
                case AgentMessage.Refuse refuse -> throw new LostException("the coordinator at " + coordinator
                        + " dropped this agent before the start: " + refuse.reason());
                case null -> throw new LostException("the coordinator at " + coordinator + " closed the connection"
                        + " before the start");
                default -> throw new ProtocolException("the coordinator at " + coordinator + " sent "
                        + message.typeName() + " where the start was due");
            }
        };
    }

    /** After the start the coordinator only ever aborts or closes: either means stop. */
    private void watch() {
        try {
            AgentMessage message;
            while ((message = AgentFrames.read(in)) != null) {
                if (message instanceof AgentMessage.Abort abort) {
                    lose("the coordinator at " + coordinator + " gave the run up: " + abort.reason());
                    return;
                }
                if (message instanceof AgentMessage.Refuse refuse) {
                    lose("the coordinator at " + coordinator + " dropped this agent: " + refuse.reason());
                    return;
                }
            }
            if (!finishing) {
                lose("the coordinator at " + coordinator + " closed the connection");
            }
        } catch (IOException e) {
            if (!finishing) {
                lose("lost the connection to the coordinator at " + coordinator + ": " + e.getMessage());
            }
        }
    }

    private void lose(String reason) {
        if (lostReason == null) {
            lostReason = reason;
            onLost.run();
        }
    }

    /** Streams each interval as it is logged; once the coordinator is lost, sends nothing more. */
    public IntervalSink intervals() {
        return interval -> {
            if (lostReason != null) {
                return;
            }
            try {
                send(new AgentMessage.Interval(nextSeq++, interval.getTag(), interval.getStartTimeStamp(),
                        interval.getEndTimeStamp(), encode(interval)));
            } catch (IOException e) {
                lose("lost the connection to the coordinator at " + coordinator + ": " + e.getMessage());
            }
        };
    }

    /** HdrHistogram's compressed encoding, base64: what an .hlog line holds. */
    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** The last message: this agent's result; the coordinator closes the connection once it has it. */
    public void sendResult(LoadResult result) throws IOException {
        finishing = true;
        send(new AgentMessage.Result(result));
        socket.shutdownOutput();
    }

    private void send(AgentMessage message) throws IOException {
        synchronized (sendLock) {
            AgentFrames.write(socket.getOutputStream(), message);
        }
    }

    @Override
    public void close() throws IOException {
        finishing = true;
        socket.close();
    }
}
