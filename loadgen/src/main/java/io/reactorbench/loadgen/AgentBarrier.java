package io.reactorbench.loadgen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The start barrier of {@code load --agents K}. Each child agent opens its connections, creates its ready file
 * and waits for a line {@code go EPOCH_MS} on its stdin; the parent (which runs share 0 itself) waits for its own
 * connections and every child's ready file, then sends all of them one instant {@value #LEAD_MS} ms ahead and
 * starts there too.
 *
 * <p>Why a barrier and not an instant fixed before the children start: a JVM starts in 0.5-1 s here but several
 * seconds on a loaded machine, and opening tens of thousands of connections takes seconds more, so any lead
 * chosen in advance is either too short (late agents, skewed windows) or wastes time. The barrier waits exactly
 * for the slowest agent. Why an instant and not a bare "go": waking K JVMs through K pipes on 2 cores takes a
 * scheduler-dependent while; an absolute instant a little ahead makes that delivery time not matter. A child whose
 * stdin closes before the go line (the parent died or gave up) does not start, so no agent runs unattended.
 */
public final class AgentBarrier implements StartGate {

    /** How far ahead of the moment the last agent is ready the common start lies. */
    public static final long LEAD_MS = 250;
    private static final String GO = "go ";
    private static final long POLL_MS = 10;

    /** An agent that died or stayed unready: the others must not start without it. */
    public static final class AgentNotReadyException extends IOException {
        AgentNotReadyException(String message) {
            super(message);
        }
    }

    private final List<Process> children;
    private final List<Path> readyFiles;
    private final long readyTimeoutMs;
    private final LongSupplier epochMs;
    private long startEpochMs = -1;

    /** The parent's side: {@code readyFiles.get(i)} is the file child {@code i} creates when it is connected. */
    AgentBarrier(List<Process> children, List<Path> readyFiles, long readyTimeoutMs, LongSupplier epochMs) {
        this.children = children;
        this.readyFiles = readyFiles;
        this.readyTimeoutMs = readyTimeoutMs;
        this.epochMs = epochMs;
    }

    /** The instant sent to every agent; -1 before the barrier opened. */
    long startEpochMs() {
        return startEpochMs;
    }

    @Override
    public long readyThenAwaitStartEpochMs() throws IOException, InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(readyTimeoutMs);
        for (int i = 0; i < children.size(); i++) {
            while (!Files.exists(readyFiles.get(i))) {
                if (!children.get(i).isAlive()) {
                    throw new AgentNotReadyException("agent " + (i + 1) + " exited with "
                            + children.get(i).exitValue() + " before it was connected");
                }
                if (System.nanoTime() > deadlineNs) {
                    throw new AgentNotReadyException("agent " + (i + 1) + " was not connected within "
                            + readyTimeoutMs + " ms");
                }
                Thread.sleep(POLL_MS);
            }
        }
        startEpochMs = epochMs.getAsLong() + LEAD_MS;
        byte[] line = goLine(startEpochMs);
        for (int i = 0; i < children.size(); i++) {
            OutputStream stdin = children.get(i).getOutputStream();
            try {
                stdin.write(line);
                stdin.flush();
            } catch (IOException e) {
                throw new AgentNotReadyException("agent " + (i + 1) + " exited after it was connected, before the"
                        + " start");
            }
        }
        return startEpochMs;
    }

    static byte[] goLine(long startEpochMs) {
        return (GO + startEpochMs + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The child's side: create {@code readyFile} when connected, then read the start instant off {@code in}. */
    public static StartGate agentSide(Path readyFile, InputStream in) {
        return agentSide(readyFile, in, null);
    }

    /**
     * The same, and afterwards the parent's {@code hold STEP EPOCH_MS} lines into {@code holds} (a ceiling's holds
     * begin together, {@link HoldGate}), read on a daemon thread until the parent closes stdin.
     */
    public static StartGate agentSide(Path readyFile, InputStream in, HoldGate holds) {
        return () -> {
            Files.writeString(readyFile, "ready\n");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line = reader.readLine();
            if (line == null) {
                throw new IOException("the parent closed the start barrier before the go: not starting");
            }
            long startEpochMs = parseGo(line);
            if (holds != null) {
                Thread.ofPlatform().daemon().name("hold-gate").start(() -> {
                    try {
                        String next;
                        while ((next = reader.readLine()) != null) {
                            holds.accept(next);
                        }
                    } catch (IOException closed) {
                        // the parent is gone: no more holds are released, and its stop signal ends the ramp
                    }
                });
            }
            return startEpochMs;
        };
    }

    /** Tells every child (agent 1 up) that step {@code step}'s hold begins at {@code epochMs}; false if one is gone. */
    static boolean releaseHold(List<Process> children, int step, long epochMs) {
        byte[] line = (HoldGate.line(step, epochMs) + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean all = true;
        for (Process child : children) {
            try {
                child.getOutputStream().write(line);
                child.getOutputStream().flush();
            } catch (IOException gone) {
                all = false;
            }
        }
        return all;
    }

    static long parseGo(String line) throws IOException {
        if (line.startsWith(GO)) {
            try {
                return Long.parseLong(line.substring(GO.length()).trim());
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IOException(String.format(Locale.ROOT, "start barrier: expected 'go EPOCH_MS', got '%s'", line));
    }
}
