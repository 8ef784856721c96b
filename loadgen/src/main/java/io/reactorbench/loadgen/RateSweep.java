package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The sweep model's coordinator (issue 19 B): opens every connection once, then runs the steps {@link RateSearch}
 * picks, each an open-loop hold at the step's rate over the workers' connections (the same hold a ceiling step
 * runs, {@link StepControl}): a warm-up whose answers are dropped, the measured window, then a wait for the answers
 * still owed (bounded by the request timeout), so the next step starts on an idle server. The search itself holds
 * no I/O; this class only times the steps and measures them.
 */
final class RateSweep {

    private static final long POLL_MS = 20;
    /** Time allowed beyond the work itself (connections / connect rate) plus the request timeout. */
    private static final long SLACK_NS = TimeUnit.SECONDS.toNanos(5);

    /** The sweep's result, and each step's window latency (corrected and uncorrected, failures too) and send lateness. */
    record Outcome(SweepResult result, List<LatencyInterval> windows) {
    }

    private final LoadSpec spec;
    private final RunControl control;
    private final List<LoadWorker> workers;
    private final CountDownLatch stopRequested;
    private final Consumer<String> stepLines;

    RateSweep(LoadSpec spec, RunControl control, List<LoadWorker> workers, CountDownLatch stopRequested,
            Consumer<String> stepLines) {
        this.spec = spec;
        this.control = control;
        this.workers = workers;
        this.stopRequested = stopRequested;
        this.stepLines = stepLines;
    }

    Outcome run() {
        SweepPlan plan = spec.sweep();
        RateSearch search = plan.search();
        List<SweepStep> steps = new ArrayList<>();
        List<LatencyInterval> windows = new ArrayList<>();
        control.steps.openUpTo(spec.connections());
        long connectBoundNs = (long) (spec.connections() / spec.connectRatePerSec() * 1e9) + spec.timeoutNs() + SLACK_NS;
        if (!await(() -> control.openConnections.get() >= spec.connections(), connectBoundNs)) {
            String why = stopped() ? "it was stopped" : "only " + control.openConnections.get() + " of "
                    + spec.connections() + " connections opened";
            return new Outcome(new SweepResult(plan.findsMaxRate() ? SweepResult.FIND_MAX_RATE : null,
                    plan.objective(), List.of(), null, null, false, "no step ran (" + why + ")"), windows);
        }
        long deadlineNs = System.nanoTime() + plan.maxTimeNs();
        long stepNs = spec.warmupNs() + spec.durationNs();
        while (!stopped()) {
            OptionalDouble next = search.next();
            if (next.isEmpty()) {
                break;
            }
            if (System.nanoTime() + stepNs > deadlineNs) {
                search.stopForTime();
                break;
            }
            LatencyInterval window = new LatencyInterval();
            Optional<SweepStep> step = runStep(steps.size(), next.getAsDouble(), plan.objective(), window);
            if (step.isEmpty()) {
                break;
            }
            steps.add(step.get());
            windows.add(window);
            search.record(next.getAsDouble(), step.get().metObjective());
            stepLines.accept(line(step.get()));
        }
        return new Outcome(search.result(plan.objective(), steps), windows);
    }

    /**
     * One step, its window's latency added into {@code window}; empty when a stop request ended it before its window
     * did.
     */
    private Optional<SweepStep> runStep(int index, double ratePerSec, SweepObjective objective,
            LatencyInterval window) {
        StepControl steps = control.steps;
        long startNs = System.nanoTime();
        long windowStartNs = startNs + spec.warmupNs();
        long endNs = windowStartNs + spec.durationNs();
        steps.startHold(ratePerSec, startNs, endNs);
        if (!await(() -> System.nanoTime() >= windowStartNs, Long.MAX_VALUE)) {
            return Optional.empty();
        }
        sampleInto(new LatencyInterval()); // the warm-up's answers and failures are not the window's
        ErrorCounts errorsBefore = control.errors.snapshot();
        long answeredBefore = answered();
        long windowStartMs = System.currentTimeMillis();
        if (!await(() -> System.nanoTime() >= endNs, Long.MAX_VALUE)) {
            return Optional.empty();
        }
        long answeredInWindow = answered() - answeredBefore;
        long windowEndMs = System.currentTimeMillis();
        int round = steps.hold().round();
        // Answers still owed belong to the window whose schedule sent them (their latency counts from the intended
        // time); a server far past its knee may owe more than the bound allows, and is broken by then anyway.
        await(() -> workers.stream().allMatch(w -> w.drained(round)), spec.timeoutNs() + SLACK_NS);
        // A request the server failed (timed out, reset, answered wrongly) is in the window's latency at the moment
        // it failed, as in a ceiling step's hold: a step past its knee cannot meet a latency limit by losing its
        // slowest requests, and its error rate is the share of the requests it issued that failed.
        sampleInto(window);
        ErrorCounts errors = control.errors.snapshot().minus(errorsBefore);
        double windowSeconds = spec.durationNs() / 1e9;
        // Achieved: answers that arrived within the window, not those the wait after it collected.
        double achieved = answeredInWindow / windowSeconds;
        long requests = window.answered();
        ErrorCounts failed = window.failedRequests();
        double errorRate = LoadResults.errorRate(requests, failed);
        LatencySummary latency = LatencySummary.of(window.corrected);
        Optional<String> breach = objective == null ? Optional.empty()
                : objective.breach(ratePerSec, achieved, errorRate, latency);
        return Optional.of(new SweepStep(index, LoadRun.round3(ratePerSec), LoadRun.round3(achieved), requests, errors,
                failed, errorRate, latency, windowStartMs, windowEndMs, objective == null ? null : breach.isEmpty(),
                breach.orElse(null), LatencySummary.of(window.sendLateness)));
    }

    /** {@code SWEEP i R/s: answered A/s, p99 ..., errors ...: met|broke ...}, for a person reading load.log. */
    private static String line(SweepStep step) {
        String verdict = step.metObjective() == null ? "" : step.metObjective() ? ": met the objective"
                : ": broke the objective (" + step.breach() + ")";
        return String.format(Locale.ROOT, "SWEEP %d %.0f/s: answered %.0f/s, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms,"
                + " errors %.3f%%%s", step.index(), step.offeredRatePerSec(), step.achievedRatePerSec(),
                step.latencyNs().p50() / 1e6, step.latencyNs().p99() / 1e6, step.latencyNs().p999() / 1e6,
                step.errorRate() * 100, verdict);
    }

    private long answered() {
        long sum = 0;
        for (LoadWorker worker : workers) {
            sum += worker.answered.get();
        }
        return sum;
    }

    /** Adds what the workers recorded since the last call into {@code into}. */
    private void sampleInto(LatencyInterval into) {
        for (LoadWorker worker : workers) {
            worker.latencies.addIntervalTo(into);
        }
    }

    private boolean stopped() {
        return stopRequested.getCount() == 0;
    }

    /** Waits until {@code done} (checked every {@value #POLL_MS} ms) or {@code boundNs}; false when stopped or out of time. */
    private boolean await(BooleanSupplier done, long boundNs) {
        long startNs = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - startNs > boundNs) {
                return false;
            }
            try {
                if (stopRequested.await(POLL_MS, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
