package io.reactorbench.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The ceiling model's {@link StepLine}s of {@code load --agents K} as one ramp on the parent's stdout: a step's
 * SETTLE (with --settle) once every agent has verified and begun its settle pause, its
 * HOLD once every agent has begun that hold, its DONE once every agent has ended it (STOPPED, naming
 * the agent, when any agent stopped there, and nothing after that), each with the sum of the agents' connections.
 * Agent 0 runs in this process and writes its lines to {@link #agentZeroOut()}; the children's lines are read
 * from their output files, polled every {@value #POLL_MS} ms, so a step is printed at most that much late.
 */
final class AgentStepLines implements AutoCloseable {

    private static final long POLL_MS = 100;

    private final int agents;
    private final PrintStream out;
    private final List<StepLineFollower> children;
    /** step -> per agent: the HOLD line, the end (DONE or STOPPED) line and the SETTLE line each agent printed. */
    private final Map<Integer, StepLine.Parsed[][]> seen = new TreeMap<>();
    private int nextHoldToPrint;
    private int nextSettleToPrint;
    private int nextEndToPrint;
    private boolean ended;
    private final Thread poller;
    private volatile boolean closed;
    private final Consumer<List<Integer>> onRampStopped;
    private final IntConsumer onAllSettled;

    /**
     * @param onRampStopped called once, when the merged ramp has stopped (every agent ended that step), with the
     *                      agents that completed that step and so are still ramping (those that stopped there are
     *                      already ending by themselves, and must not be signalled while they write their results)
     */
    AgentStepLines(int agents, PrintStream out, List<Path> childOutputs, Consumer<List<Integer>> onRampStopped) {
        this(agents, out, childOutputs, onRampStopped, step -> { });
    }

    /**
     * @param onAllSettled called with a step's index once every agent has settled there, just before the merged
     *                     SETTLE line is printed: the parent names the instant all agents begin that hold
     */
    AgentStepLines(int agents, PrintStream out, List<Path> childOutputs, Consumer<List<Integer>> onRampStopped,
                   IntConsumer onAllSettled) {
        this.onAllSettled = onAllSettled;
        this.agents = agents;
        this.onRampStopped = onRampStopped;
        this.out = out;
        this.children = childOutputs.stream().map(StepLineFollower::new).toList();
        this.poller = new Thread(this::pollChildren, "agent-step-lines");
        poller.setDaemon(true);
        poller.start();
    }

    /** Where agent 0 prints: each complete line is taken as that agent's. */
    PrintStream agentZeroOut() {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    accept(0, line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    synchronized void accept(int agent, String line) {
        StepLine.parse(line).ifPresent(parsed -> accept(agent, parsed));
    }

    private synchronized void accept(int agent, StepLine.Parsed parsed) {
        StepLine.Parsed[][] step = seen.computeIfAbsent(parsed.index(), i -> new StepLine.Parsed[3][agents]);
        step[switch (parsed.event()) {
            case HOLD -> 0;
            case SETTLE -> 2;
            case DONE, STOPPED -> 1;
        }][agent] = parsed;
        printWhatAllReached();
    }

    private void printWhatAllReached() {
        while (!ended) {
            StepLine.Parsed[][] settle = seen.get(nextSettleToPrint);
            if (nextSettleToPrint == nextHoldToPrint && nextHoldToPrint == nextEndToPrint && settle != null
                    && all(settle[2])) {
                onAllSettled.accept(nextSettleToPrint);
                out.println(StepLine.settle(nextSettleToPrint, sum(settle[2])));
                nextSettleToPrint++;
                continue;
            }
            StepLine.Parsed[][] hold = seen.get(nextHoldToPrint);
            if (nextHoldToPrint == nextEndToPrint && hold != null && all(hold[0])) {
                out.println(StepLine.hold(nextHoldToPrint, sum(hold[0])));
                nextHoldToPrint++;
                continue;
            }
            StepLine.Parsed[][] end = seen.get(nextEndToPrint);
            if (end == null || !all(end[1])) {
                break;
            }
            StepLine.Parsed stopped = null;
            int stoppedAgent = -1;
            for (int a = 0; a < agents && stopped == null; a++) {
                if (end[1][a].event() == StepLine.Event.STOPPED) {
                    stopped = end[1][a];
                    stoppedAgent = a;
                }
            }
            int held = sum(end[1]);
            out.println(stopped == null ? StepLine.done(nextEndToPrint, held)
                    : StepLine.stopped(nextEndToPrint, stopped.code(), held, "agent " + stoppedAgent + ": "
                            + stopped.detail()));
            ended = stopped != null;
            nextEndToPrint++;
            if (ended) {
                out.flush();
                List<Integer> stillRamping = new ArrayList<>();
                for (int a = 0; a < agents; a++) {
                    if (end[1][a].event() == StepLine.Event.DONE) {
                        stillRamping.add(a);
                    }
                }
                onRampStopped.accept(stillRamping);
            }
            nextHoldToPrint = Math.max(nextHoldToPrint, nextEndToPrint);
            nextSettleToPrint = Math.max(nextSettleToPrint, nextEndToPrint);
        }
        out.flush();
    }

    private boolean all(StepLine.Parsed[] perAgent) {
        for (StepLine.Parsed p : perAgent) {
            if (p == null) {
                return false;
            }
        }
        return true;
    }

    private static int sum(StepLine.Parsed[] perAgent) {
        int sum = 0;
        for (StepLine.Parsed p : perAgent) {
            sum += p.connections();
        }
        return sum;
    }

    private void pollChildren() {
        while (!closed) {
            readChildren();
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads the complete lines each child added to its output file since the last read. */
    private void readChildren() {
        for (int c = 0; c < children.size(); c++) {
            for (StepLine.Parsed line : children.get(c).poll()) {
                accept(c + 1, line);
            }
        }
    }

    /** Reads what the children wrote last (they have exited), then stops polling. */
    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        try {
            poller.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readChildren();
    }
}
