package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.CeilingStop;
import io.reactorbench.sys.MemoryGuard;
import io.reactorbench.wire.units.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ceiling model's coordinator: for each step it raises the connection count (the workers open the new ones
 * at the connect rate), runs a verification round (every connection answers one echo), then the hold (an
 * open-loop rate over random connections for {@code --hold}), and records the step. The first step that cannot
 * complete ends the ramp, with the reason; that is a result, not a failure. Every {@value #POLL_MS} ms while it
 * waits it checks the stop request, the limits the workers ran into and the step's error budget; the memory guard
 * before each step and every {@value #GUARD_INTERVAL_MS} ms (at the default 2,000 connections per second, every
 * 500 connections: some 5 MB of kernel memory on loopback, against a floor of gigabytes).
 */
final class CeilingRamp {

    private static final long POLL_MS = 20;
    /**
     * Reading /proc/meminfo costs tens of microseconds of kernel time; with fifty agents on two cores, every 20 ms
     * would be a tenth of a core. A quarter second is still a few hundred connections at a paced connect rate.
     */
    private static final long GUARD_INTERVAL_MS = 250;
    /** Time allowed beyond the work itself (connections / rate, echoes / verify rate) plus the request timeout. */
    private static final long SLACK_NS = TimeUnit.SECONDS.toNanos(5);
    /** Errors a step tolerates (a refused connect retried, one lost answer) before it counts as not completed. */
    static final int ERROR_BUDGET_MIN = 10;
    /** ... plus one per thousand of the step's connections. */
    static final int ERROR_BUDGET_PER_MILLE = 1;

    /** The steps reached, and each step's hold latency (corrected and uncorrected, failures too) and send lateness. */
    record Outcome(List<CeilingStep> steps, List<LatencyInterval> holds) {
    }

    /** Why a phase of a step did not finish. */
    private record Stop(CeilingStop code, String detail) {
    }

    private final LoadSpec spec;
    private final RunControl control;
    private final List<LoadWorker> workers;
    private final MemoryGuard guard;
    private final CountDownLatch stopRequested;
    private final Consumer<String> stepLines;
    private final HoldGate holdGate;
    private long nextGuardCheckNs;

    CeilingRamp(LoadSpec spec, RunControl control, List<LoadWorker> workers, MemoryGuard guard,
            CountDownLatch stopRequested, Consumer<String> stepLines, HoldGate holdGate) {
        this.holdGate = holdGate;
        this.spec = spec;
        this.control = control;
        this.workers = workers;
        this.guard = guard;
        this.stopRequested = stopRequested;
        this.stepLines = stepLines;
    }

    Outcome run() {
        List<CeilingStep> steps = new ArrayList<>();
        List<LatencyInterval> holds = new ArrayList<>();
        List<Integer> targets = spec.ceiling().stepConnections();
        for (int index = 0; index < targets.size(); index++) {
            LatencyInterval hold = new LatencyInterval();
            CeilingStep step = runStep(index, targets.get(index), hold);
            steps.add(step);
            holds.add(hold);
            stepLines.accept(StepLine.end(step));
            if (!step.completed()) {
                break;
            }
        }
        return new Outcome(steps, holds);
    }

    private CeilingStep runStep(int index, int target, LatencyInterval hold) {
        ErrorCounts errorsBefore = control.errors.snapshot();
        StepControl steps = control.steps;
        nextGuardCheckNs = System.nanoTime(); // the guard is read before every step
        int heldBefore = control.openConnections.get();
        long connectStartNs = System.nanoTime();
        Stop stop = check(errorsBefore, target);
        if (stop == null) {
            steps.openUpTo(target);
            long boundNs = (long) ((target - heldBefore) / spec.connectRatePerSec() * 1e9) + spec.timeoutNs() + SLACK_NS;
            stop = await(() -> control.openConnections.get() >= target, boundNs, control.openConnections::get,
                    errorsBefore, target,
                    () -> "only " + control.openConnections.get() + " of " + target + " connections open");
        }
        double connectSeconds = (System.nanoTime() - connectStartNs) / 1e9;
        int verifyRound = 0;
        int opened = control.openConnections.get() - heldBefore;
        if (stop == null) {
            verifyRound = steps.startVerify();
            int round = verifyRound;
            long boundNs = (long) (target / spec.ceiling().verifyRatePerSec() * 1e9) + spec.timeoutNs() + SLACK_NS;
            stop = await(() -> verified(round) >= target, boundNs, () -> verified(round), errorsBefore, target,
                    () -> "only " + verified(round) + " of " + target + " connections answered their"
                            + " verification echo");
        }
        int verified = verifyRound == 0 ? 0 : verified(verifyRound);
        long holdStartMs = 0;
        long holdEndMs = 0;
        if (stop == null && spec.ceiling().settleNs() > 0) {
            holdGate.settled(index);
            stepLines.accept(StepLine.settle(index, control.openConnections.get()));
            stop = await(() -> holdGate.holdAt(index).isPresent()
                    && System.currentTimeMillis() >= holdGate.holdAt(index).getAsLong(), Long.MAX_VALUE,
                    errorsBefore, target, () -> "");
        }
        if (stop == null) {
            sampleInto(new LatencyInterval()); // the verification echoes are not the hold's
            long startNs = System.nanoTime();
            holdStartMs = System.currentTimeMillis();
            long endNs = startNs + spec.ceiling().holdNs();
            steps.startHold(spec.ratePerSec(), startNs, endNs);
            stepLines.accept(StepLine.hold(index, control.openConnections.get()));
            stop = await(() -> System.nanoTime() >= endNs, Long.MAX_VALUE, errorsBefore, target, () -> "");
            if (stop == null) {
                int round = steps.hold().round();
                // Answers still on the way belong to the hold; those lost are abandoned by the timeout sweep.
                await(() -> workers.stream().allMatch(w -> w.drained(round)), spec.timeoutNs() + SLACK_NS,
                        errorsBefore, target, () -> "");
            }
            holdEndMs = System.currentTimeMillis();
            sampleInto(hold);
        }
        if (stop == null && control.openConnections.get() < target) {
            // A connection the step lost within its error budget reconnects after a short delay: wait for it.
            stop = await(() -> control.openConnections.get() >= target, spec.timeoutNs() + SLACK_NS, errorsBefore,
                    target, () -> "only " + control.openConnections.get() + " of " + target
                            + " connections open at the end of the hold");
        }
        int held = control.openConnections.get();
        ErrorCounts errors = control.errors.snapshot().minus(errorsBefore);
        if (stop == null && held < target) {
            stop = overBudget(errors, 0);
            if (stop == null) {
                stop = new Stop(CeilingStop.ERRORS, "only " + held + " of " + target
                        + " connections still open at the end of the hold (errors: " + errors.total() + ")");
            }
        }
        return new CeilingStep(index, target, held, LoadRun.round3(connectSeconds),
                connectSeconds > 0 ? LoadRun.round3(opened / connectSeconds) : 0, verified, holdStartMs, holdEndMs,
                hold.answered(), errors, LatencySummary.of(hold.corrected),
                stop == null ? null : stop.code(), stop == null ? null : stop.detail(), hold.failedRequests(),
                LoadResults.errorRate(hold.answered(), hold.failedRequests()), LatencySummary.of(hold.sendLateness));
    }

    private int verified(int round) {
        int sum = 0;
        for (LoadWorker worker : workers) {
            sum += worker.verified(round);
        }
        return sum;
    }

    /** Adds what the workers recorded since the last call into {@code into}. */
    private void sampleInto(LatencyInterval into) {
        for (LoadWorker worker : workers) {
            worker.latencies.addIntervalTo(into);
        }
    }

    /**
     * Waits until {@code done} (checked every {@value #POLL_MS} ms), for at most {@code boundNs}; returns why it
     * stopped waiting first, or null when done came.
     */
    private Stop await(BooleanSupplier done, long boundNs, ErrorCounts errorsBefore, int target,
            Supplier<String> shortOf) {
        return await(done, boundNs, null, errorsBefore, target, shortOf);
    }

    /**
     * Waits until {@code done}, a stop, or {@code boundNs}; with {@code progress}, past the bound too for as long as
     * the count keeps setting new highs ({@link RampProgress}): a machine that connects or verifies slower than asked
     * (two cores shared by a hundred JVMs) has not reached a ceiling, one where the count set no new high for a
     * request timeout has.
     */
    private Stop await(BooleanSupplier done, long boundNs, IntSupplier progress, ErrorCounts errorsBefore, int target,
            Supplier<String> shortOf) {
        long startNs = System.nanoTime();
        RampProgress moving = progress == null ? null
                : new RampProgress(progress.getAsInt(), startNs, spec.timeoutNs() + SLACK_NS);
        while (true) {
            boolean stalled = moving == null || moving.stalled(progress.getAsInt(), System.nanoTime());
            Stop stop = check(errorsBefore, target);
            if (stop != null) {
                return stop;
            }
            if (done.getAsBoolean()) {
                return null;
            }
            long nowNs = System.nanoTime();
            if (nowNs - startNs > boundNs && stalled) {
                return new Stop(CeilingStop.TIMEOUTS, shortOf.get() + " after " + String.format(Locale.ROOT, "%.1f",
                        (System.nanoTime() - startNs) / 1e9) + " s (timeout " + Durations.toSeconds(spec.timeoutNs())
                        + " s)");
            }
            try {
                if (stopRequested.await(POLL_MS, TimeUnit.MILLISECONDS)) {
                    return new Stop(CeilingStop.STOPPED, "a signal stopped the run");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Stop(CeilingStop.STOPPED, "interrupted");
            }
        }
    }

    /** What stops the step now, if anything: a stop request, a process limit, the error budget, the memory guard. */
    private Stop check(ErrorCounts errorsBefore, int target) {
        if (stopRequested.getCount() == 0) {
            return new Stop(CeilingStop.STOPPED, "a signal stopped the run");
        }
        if (control.steps.limit() != null) {
            return new Stop(control.steps.limit(), control.steps.limitDetail() + " with "
                    + control.openConnections.get() + " connections open");
        }
        Stop errors = overBudget(control.errors.snapshot().minus(errorsBefore), budget(target));
        if (errors != null) {
            return errors;
        }
        long nowNs = System.nanoTime();
        if (nowNs - nextGuardCheckNs < 0) {
            return null;
        }
        nextGuardCheckNs = nowNs + TimeUnit.MILLISECONDS.toNanos(GUARD_INTERVAL_MS);
        return guard.stopReason().map(reason -> new Stop(CeilingStop.MEMORY_GUARD, reason + " with "
                + control.openConnections.get() + " connections open")).orElse(null);
    }

    static int budget(int target) {
        return ERROR_BUDGET_MIN + target / 1000 * ERROR_BUDGET_PER_MILLE;
    }

    /** The first kind of error beyond {@code budget}, connects first; null when none is. */
    private Stop overBudget(ErrorCounts errors, int budget) {
        List<String> first = control.errors.firstDescriptions();
        String example = first.isEmpty() ? "" : " (first: " + first.getFirst() + ")";
        if (errors.connect() > budget) {
            return new Stop(CeilingStop.CONNECT_ERRORS, errors.connect() + " connects failed" + example);
        }
        if (errors.timeout() > budget) {
            return new Stop(CeilingStop.TIMEOUTS, errors.timeout() + " requests timed out" + example);
        }
        if (errors.reset() + errors.protocol() > budget) {
            return new Stop(CeilingStop.ERRORS, errors.reset() + " connections reset, " + errors.protocol()
                    + " wrong answers" + example);
        }
        return null;
    }
}
