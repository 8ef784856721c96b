package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.load.Responses;
import io.reactorbench.results.sweep.SweepStep;
import io.reactorbench.sys.MemInfo;
import io.reactorbench.sys.MemoryGuard;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Runs one load: opens the connections, starts the workers, and every second adds the workers' interval
 * histograms (taken without stopping them), writes the interval log and shows progress; warm-up intervals are
 * discarded. Callable in-process: {@code new LoadRun(spec, outputs).execute()}. {@link #requestStop()} (from a
 * shutdown hook or another thread) ends the run early; what was measured is still returned and written.
 */
public final class LoadRun {

    private static final long TICK_NS = TimeUnit.SECONDS.toNanos(1);
    /** Extra time allowed for the connect phase beyond connections / connect rate. */
    private static final long CONNECT_SLACK_NS = TimeUnit.SECONDS.toNanos(5);
    /** How long a signalled shutdown waits for the run to write its result. */
    /**
     * How long a signal's shutdown waits for the run to close its connections and write its result: an agent of a
     * million-connection ramp, stopped with a hundred JVMs closing sockets on two cores, took longer than 15 s and
     * lost its result.
     */
    private static final long STOP_WAIT_MS = 120_000;

    private final LoadSpec spec;
    private final LoadOutputs outputs;
    private final StartGate startGate;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private Supplier<MemInfo> memInfo = MemInfo::current;
    private HoldGate holdGate;
    private IntervalSink intervalSink;
    /** Every request of the measured window, answered and failed, and how late its sends went out. */
    private LatencyInterval total;

    public LoadRun(LoadSpec spec, LoadOutputs outputs) {
        this(spec, outputs, StartGate.NOW);
    }

    /** A run whose warm-up begins at the instant {@code startGate} gives once the connections are open. */
    public LoadRun(LoadSpec spec, LoadOutputs outputs, StartGate startGate) {
        this.spec = spec;
        this.outputs = outputs;
        this.startGate = startGate;
    }

    /**
     * Ceiling with agents: holds begin when {@code gate} says (the parent's instant), not a settle pause after this
     * process settled; returns this.
     */
    public LoadRun holdGate(HoldGate gate) {
        this.holdGate = gate;
        return this;
    }

    /**
     * Also hands every logged interval to {@code sink} as it is logged (an agent streaming to its coordinator), with
     * or without an {@code --hlog}; returns this.
     */
    public LoadRun intervalSink(IntervalSink sink) {
        this.intervalSink = sink;
        return this;
    }

    /** Where the ceiling model's memory guard reads MemAvailable ({@code /proc/meminfo} unless set); returns this. */
    public LoadRun memInfo(Supplier<MemInfo> source) {
        this.memInfo = source;
        return this;
    }

    /** Ends the run early (Ctrl-C); safe from any thread. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Waits until {@link #execute()} has returned (its files written), at most {@code timeoutMs}. */
    public boolean awaitFinished(long timeoutMs) throws InterruptedException {
        return finished.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Corrected histogram of the measured window (null when the model has none), after {@link #execute()}: every
     * request issued, the failed ones timed to the moment they failed.
     */
    public Histogram correctedHistogram() {
        return total != null && spec.model().scheduled() ? total.corrected : null;
    }

    /** Uncorrected histogram of the measured window, failed requests included as in the corrected one. */
    public Histogram uncorrectedHistogram() {
        return total == null ? null : total.uncorrected;
    }

    /**
     * The corrected latency of the answered requests alone (null when the model has none), after
     * {@link #execute()}: what the corrected histogram held before failed requests counted, shown beside it so that
     * the difference the failures make is visible.
     */
    public Histogram answeredCorrectedHistogram() {
        return total != null && spec.model().scheduled() ? total.answeredCorrected() : null;
    }

    public LoadResult execute() throws IOException {
        try {
            return measure();
        } finally {
            finished.countDown();
        }
    }

    /**
     * {@link #execute()} that Ctrl-C / SIGTERM end early: the JVM's shutdown waits (up to {@value #STOP_WAIT_MS}
     * ms) until the run has printed and written what it measured.
     */
    public LoadResult executeStoppingOnSignal() throws IOException {
        Thread hook = new Thread(() -> {
            requestStop();
            try {
                awaitFinished(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return execute();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Already shutting down: the hook is running and waits for us.
            }
        }
    }

    private LoadResult measure() throws IOException {
        PrintStream out = outputs.out();
        // Histograms are large and fixed (about 270 KB each): allocate them before the heap baseline, so that
        // heap per connection counts what grows with connections only.
        total = new LatencyInterval();
        LatencyInterval interval = new LatencyInterval();
        List<LatencyRecorder> recorders = new ArrayList<>();
        for (int w = 0; w < spec.threads(); w++) {
            recorders.add(new LatencyRecorder());
        }
        long heapBeforeBytes = outputs.reportMemory() ? heapAfterGcBytes() : 0;
        RunControl control = new RunControl(spec.threads());
        List<LoadWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < spec.threads(); w++) {
            int slots = spec.connections() / spec.threads() + (w < spec.connections() % spec.threads() ? 1 : 0);
            workers.add(new LoadWorker(w, spec.threads(), slots, spec, control, recorders.get(w)));
        }
        for (LoadWorker worker : workers) {
            Thread t = new Thread(worker, "load-worker-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        if (spec.model() == LoadModel.CEILING) {
            return measureCeiling(control, workers, threads);
        }
        if (spec.model() == LoadModel.SWEEP) {
            return measureSweep(control, workers, threads);
        }
        LoadResult.Memory memory = null;
        ProgressLine progress = new ProgressLine(outputs.progressOut(), outputs.progress());
        HistogramLogWriter log = null;
        boolean stoppedEarly = false;
        long windowStartNs = -1;
        long windowEndNs = -1;
        ErrorCounts errorsAtWindowStart = ErrorCounts.NONE;
        long cyclesAtWindowStart = 0;
        long answersAtWindowStart = 0;
        long sentAtWindowStart = 0;
        long readAtWindowStart = 0;
        long[] statusAtWindowStart = statusCounts(workers);
        long[] statusAtWindowEnd = statusAtWindowStart;
        long readAtWindowEnd = 0;
        long cpuAtWindowStartNs = -1;
        long cpuAtWindowEndNs = -1;
        try {
            if (spec.model() != LoadModel.CHURN) {
                long connectPhaseNs = (long) (spec.connections() / spec.connectRatePerSec() * 1e9)
                        + spec.timeoutNs() + CONNECT_SLACK_NS;
                stoppedEarly = !awaitConnected(control, connectPhaseNs);
            }
            if (outputs.reportMemory() && !stoppedEarly) {
                long heapAfterBytes = heapAfterGcBytes();
                int open = control.openConnections.get();
                memory = new LoadResult.Memory(open, open == 0 ? 0 : (heapAfterBytes - heapBeforeBytes) / open,
                        heapBeforeBytes, heapAfterBytes);
            }
            if (!stoppedEarly) {
                stoppedEarly = !awaitStartInstant();
            }
            long runStartNs = System.nanoTime();
            long runStartMs = System.currentTimeMillis();
            long warmupEndNs = runStartNs + spec.warmupNs();
            long endNs = warmupEndNs + spec.durationNs();
            if (spec.warmupNs() == 0) {
                windowStartNs = runStartNs;
                cpuAtWindowStartNs = processCpuNs();
            }
            control.start(runStartNs);
            log = openLog(runStartMs);
            long lastTickNs = runStartNs;
            long answersLastTick = 0;
            double totalSeconds = (endNs - runStartNs) / 1e9;
            while (!stoppedEarly) {
                long tickNs = Math.min(lastTickNs + TICK_NS, lastTickNs < warmupEndNs ? warmupEndNs : endNs);
                boolean allDone = waitUntil(tickNs, workers);
                stoppedEarly = stopRequested.getCount() == 0;
                long nowNs = System.nanoTime();
                interval.reset();
                for (LoadWorker worker : workers) {
                    worker.latencies.addIntervalTo(interval);
                }
                boolean inWarmup = lastTickNs < warmupEndNs;
                if (!inWarmup) {
                    long fromMs = runStartMs + (lastTickNs - runStartNs) / 1_000_000;
                    long toMs = runStartMs + (nowNs - runStartNs) / 1_000_000;
                    total.add(interval);
                    writeInterval(log, interval, fromMs, toMs);
                    windowEndNs = nowNs;
                    cpuAtWindowEndNs = processCpuNs();
                    // Sampled with the histograms, not after the workers stop, so they cover the same window.
                    statusAtWindowEnd = statusCounts(workers);
                    readAtWindowEnd = sum(workers, w -> w.bytesRead);
                } else if (nowNs >= warmupEndNs) {
                    windowStartNs = nowNs;
                    cpuAtWindowStartNs = processCpuNs();
                    errorsAtWindowStart = control.errors.snapshot();
                    cyclesAtWindowStart = cycles(workers);
                    answersAtWindowStart = sum(workers, w -> w.answered);
                    sentAtWindowStart = sum(workers, w -> w.bytesSent);
                    readAtWindowStart = sum(workers, w -> w.bytesRead);
                    statusAtWindowStart = statusCounts(workers);
                }
                Histogram shown = spec.model().scheduled() ? interval.corrected : interval.uncorrected;
                double seconds = Math.max(1e-9, (nowNs - lastTickNs) / 1e9);
                long answersNow = sum(workers, w -> w.answered);
                double answersPerSec = spec.model() == LoadModel.SLOWREAD ? (answersNow - answersLastTick) / seconds
                        : interval.answered() / seconds;
                answersLastTick = answersNow;
                progress.show((nowNs - runStartNs) / 1e9, totalSeconds, inWarmup, control.openConnections.get(),
                        answersPerSec, control.errors.snapshot().total(),
                        shown.getValueAtPercentile(99), spec.model() == LoadModel.SLOWREAD ? "(not measured in slowread)"
                                : spec.model().scheduled() ? "(corrected, last 1 s)" : "(uncorrected, last 1 s)");
                lastTickNs = nowNs;
                if (nowNs >= endNs || allDone) {
                    break;
                }
            }
        } finally {
            stopWorkers(control, workers, threads);
            if (log != null) {
                log.close();
            }
            progress.finish();
        }
        double windowSeconds = windowStartNs < 0 || windowEndNs < 0 ? 0 : (windowEndNs - windowStartNs) / 1e9;
        Double cpuSeconds = cpuAtWindowStartNs < 0 || cpuAtWindowEndNs < 0 ? null
                : round3((cpuAtWindowEndNs - cpuAtWindowStartNs) / 1e9);
        LoadResult.SlowRead slowRead = null;
        long slowReadAnswers = 0;
        if (spec.model() == LoadModel.SLOWREAD) {
            slowReadAnswers = sum(workers, w -> w.answered) - answersAtWindowStart;
            slowRead = slowReadResult(workers, sum(workers, w -> w.bytesSent) - sentAtWindowStart,
                    sum(workers, w -> w.bytesRead) - readAtWindowStart);
        }
        long[] statusInWindow = null;
        if (spec.app() == AppKind.HTTP) {
            statusInWindow = new long[HttpProtocol.STATUS_CODES];
            for (int code = 0; code < statusInWindow.length; code++) {
                statusInWindow[code] = statusAtWindowEnd[code] - statusAtWindowStart[code];
            }
        }
        Responses responses = Responses.of(windowEndNs < 0 ? 0 : readAtWindowEnd - readAtWindowStart, windowSeconds,
                statusInWindow);
        LoadResult result = buildResult(control, windowSeconds, errorsAtWindowStart,
                cycles(workers) - cyclesAtWindowStart, memory, stoppedEarly, cpuSeconds, slowRead, slowReadAnswers,
                spec.warmupNs() > 0 ? answersAtWindowStart : 0,
                responses);
        if (outputs.json() != null) {
            LoadJson.write(result, outputs.json());
        }
        if (outputs.printSummary()) {
            SummaryPrinter.print(out, result, correctedHistogram(), total.uncorrected, answeredCorrectedHistogram());
        }
        return result;
    }

    /** Stops the workers and waits for them: each closes its connections on the way out. */
    private static void stopWorkers(RunControl control, List<LoadWorker> workers, List<Thread> threads) {
        control.stop();
        workers.forEach(LoadWorker::wakeup);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The ceiling model: after the start gate, {@link CeilingRamp} runs the steps; the result's window, requests
     * and latency are the holds' together, and each step's hold is one tagged interval of the log.
     */
    private LoadResult measureCeiling(RunControl control, List<LoadWorker> workers, List<Thread> threads)
            throws IOException {
        CeilingRamp.Outcome outcome;
        try {
            CeilingPlan plan = spec.ceiling();
            MemoryGuard guard = plan.memoryFloorBytes() < 0 ? MemoryGuard.withDefaultFloor(memInfo)
                    : MemoryGuard.withFloor(memInfo, plan.memoryFloorBytes());
            outcome = awaitStartInstant()
                    ? new CeilingRamp(spec, control, workers, guard, stopRequested, this::printStepLine,
                            holdGate != null ? holdGate : HoldGate.afterOwnSettle(plan.settleNs())).run()
                    : new CeilingRamp.Outcome(List.of(), List.of());
        } finally {
            stopWorkers(control, workers, threads);
        }
        double windowSeconds = 0;
        for (int i = 0; i < outcome.steps().size(); i++) {
            CeilingStep step = outcome.steps().get(i);
            windowSeconds += (step.holdEndEpochMs() - step.holdStartEpochMs()) / 1000.0;
            total.add(outcome.holds().get(i));
        }
        writeStepLog(outcome);
        boolean stopped = stopRequested.getCount() == 0;
        long requests = total.answered();
        ErrorCounts failed = total.failedRequests();
        LoadResult result = new LoadResult(LoadResult.SCHEMA, LoadResults.params(spec), round3(windowSeconds),
                requests, windowSeconds > 0 ? requests / windowSeconds : 0, control.errors.snapshot(),
                new LatencyViews(LatencySummary.of(total.corrected), LatencySummary.of(total.uncorrected)), null,
                control.errors.firstDescriptions(), null, stopped, 1, null, LatencySummary.of(total.sendLateness),
                null, 0L, null, null, null, outcome.steps(), failed, LoadResults.errorRate(requests, failed), null, null);
        if (outputs.json() != null) {
            LoadJson.write(result, outputs.json());
        }
        if (outputs.printSummary()) {
            SummaryPrinter.print(outputs.out(), result, total.corrected, total.uncorrected, total.answeredCorrected());
        }
        return result;
    }

    /**
     * The sweep model: after the start gate, {@link RateSweep} runs the steps; the result's window, requests and
     * latency are the steps' windows together (failed requests included, as every model's are), and each step's
     * window is one tagged interval of the log.
     */
    private LoadResult measureSweep(RunControl control, List<LoadWorker> workers, List<Thread> threads)
            throws IOException {
        RateSweep.Outcome outcome;
        try {
            outcome = awaitStartInstant()
                    ? new RateSweep(spec, control, workers, stopRequested, this::printStepLine).run()
                    : new RateSweep.Outcome(spec.sweep().search().result(spec.sweep().objective(), List.of()),
                            List.of());
        } finally {
            stopWorkers(control, workers, threads);
        }
        List<SweepStep> steps = outcome.result().steps();
        double windowSeconds = 0;
        ErrorCounts errors = ErrorCounts.NONE;
        HistogramLogWriter log = openLog(steps.isEmpty() ? System.currentTimeMillis() : steps.getFirst().windowStartEpochMs());
        try {
            for (int i = 0; i < steps.size(); i++) {
                SweepStep step = steps.get(i);
                windowSeconds += spec.durationNs() / 1e9;
                errors = errors.plus(step.errors());
                total.add(outcome.windows().get(i));
                if (log != null || intervalSink != null) {
                    writeStepInterval(log, i, outcome.windows().get(i), step.windowStartEpochMs(),
                            step.windowEndEpochMs());
                }
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
        long requests = total.answered();
        ErrorCounts failed = total.failedRequests();
        LoadResult result = new LoadResult(LoadResult.SCHEMA, LoadResults.params(spec), round3(windowSeconds),
                requests, windowSeconds > 0 ? requests / windowSeconds : 0, errors,
                new LatencyViews(LatencySummary.of(total.corrected), LatencySummary.of(total.uncorrected)), null,
                control.errors.firstDescriptions(), null, stopRequested.getCount() == 0, 1, null,
                LatencySummary.of(total.sendLateness), null, 0L, null, null, null, null, failed,
                LoadResults.errorRate(requests, failed), outcome.result(), null);
        if (outputs.json() != null) {
            LoadJson.write(result, outputs.json());
        }
        if (outputs.printSummary()) {
            SummaryPrinter.print(outputs.out(), result, total.corrected, total.uncorrected, total.answeredCorrected());
        }
        return result;
    }

    private void printStepLine(String line) {
        outputs.out().println(line);
        outputs.out().flush();
    }

    /**
     * One interval per step's hold, corrected, uncorrected and send lateness, stamped with the hold's wall-clock
     * window.
     */
    private void writeStepLog(CeilingRamp.Outcome outcome) throws IOException {
        List<CeilingStep> held = outcome.steps().stream().filter(s -> s.holdStartEpochMs() > 0).toList();
        HistogramLogWriter log = openLog(held.isEmpty() ? System.currentTimeMillis() : held.getFirst().holdStartEpochMs());
        if (log == null && intervalSink == null) {
            return;
        }
        try {
            for (CeilingStep step : held) {
                writeStepInterval(log, step.index(), outcome.holds().get(step.index()), step.holdStartEpochMs(),
                        step.holdEndEpochMs());
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    /**
     * Step {@code index}'s window (a ceiling's hold, a sweep's measured window) as three tagged intervals of the log:
     * corrected and uncorrected latency (failures in both) and the generator's send lateness, so that agents' steps
     * merge exactly (added histograms).
     */
    private void writeStepInterval(HistogramLogWriter log, int index, LatencyInterval latency, long fromMs,
            long toMs) {
        stamp(latency.corrected, IntervalLogTags.stepTag(index, true), fromMs, toMs);
        stamp(latency.uncorrected, IntervalLogTags.stepTag(index, false), fromMs, toMs);
        stamp(latency.sendLateness, IntervalLogTags.stepSendLatenessTag(index), fromMs, toMs);
        emit(log, latency.corrected);
        emit(log, latency.uncorrected);
        emit(log, latency.sendLateness);
    }

    private LoadResult buildResult(RunControl control, double windowSeconds, ErrorCounts errorsAtWindowStart,
            long cyclesInWindow, LoadResult.Memory memory, boolean stoppedEarly, Double cpuSeconds,
            LoadResult.SlowRead slowRead, long slowReadAnswers, long warmupRequests,
            Responses responses) {
        // slowread records no latency (answers wait behind the throttle by design): requests are answers read.
        long requests = slowRead != null ? slowReadAnswers : total.answered();
        ErrorCounts failed = total.failedRequests();
        boolean scheduled = spec.model().scheduled();
        return new LoadResult(LoadResult.SCHEMA, LoadResults.params(spec), round3(windowSeconds), requests,
                windowSeconds > 0 ? requests / windowSeconds : 0,
                control.errors.snapshot().minus(errorsAtWindowStart),
                new LatencyViews(scheduled ? LatencySummary.of(total.corrected) : null,
                        LatencySummary.of(total.uncorrected)),
                spec.model() == LoadModel.CHURN && windowSeconds > 0 ? cyclesInWindow / windowSeconds : null,
                control.errors.firstDescriptions(), memory, stoppedEarly, 1, cpuSeconds,
                scheduled ? LatencySummary.of(total.sendLateness) : null, slowRead,
                warmupRequests, LoadResults.rateCheck(spec, round3(windowSeconds), requests), responses, null, null,
                failed, LoadResults.errorRate(requests, failed), null, null);
    }

    private static LoadResult.SlowRead slowReadResult(List<LoadWorker> workers, long sentBytes, long readBytes) {
        long stalls = 0;
        long stallNs = 0;
        long longestNs = 0;
        int atCap = 0;
        for (LoadWorker w : workers) {
            stalls += w.stalls.stalls();
            stallNs += w.stalls.totalNs();
            longestNs = Math.max(longestNs, w.stalls.longestNs());
            atCap += w.stalls.connectionsAtCap();
        }
        return new LoadResult.SlowRead(sentBytes, readBytes, stalls, round3(stallNs / 1e9), round3(longestNs / 1e9),
                atCap);
    }

    private static long[] statusCounts(List<LoadWorker> workers) {
        long[] counts = new long[HttpProtocol.STATUS_CODES];
        workers.forEach(w -> w.addStatusCounts(counts));
        return counts;
    }

    private static long sum(List<LoadWorker> workers, java.util.function.Function<LoadWorker, AtomicLong> counter) {
        long total = 0;
        for (LoadWorker w : workers) {
            total += counter.apply(w).get();
        }
        return total;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Waits for every worker to have tried each of its connections once; false when stopped first. */
    private boolean awaitConnected(RunControl control, long boundNs) {
        long deadlineNs = System.nanoTime() + boundNs;
        try {
            while (System.nanoTime() < deadlineNs) {
                if (control.connected.await(100, TimeUnit.MILLISECONDS)) {
                    return stopRequested.getCount() != 0;
                }
                if (stopRequested.getCount() == 0) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /**
     * Signals ready through the start gate and sleeps until the instant it gives; false when stopped first. The
     * wait is measured on the monotonic clock from one reading of the wall clock, so a wall-clock step during it
     * does not stretch it.
     */
    private boolean awaitStartInstant() throws IOException {
        try {
            long startEpochMs = startGate.readyThenAwaitStartEpochMs();
            long leftMs = startEpochMs - System.currentTimeMillis();
            long startNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(leftMs);
            while (true) {
                long leftNs = startNs - System.nanoTime();
                if (leftNs <= 0) {
                    return stopRequested.getCount() != 0;
                }
                if (stopRequested.await(leftNs, TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requestStop();
            return false;
        }
    }

    /** Sleeps until {@code tickNs}, a stop request or every worker done; returns whether all are done. */
    private boolean waitUntil(long tickNs, List<LoadWorker> workers) {
        try {
            while (true) {
                boolean allDone = workers.stream().allMatch(LoadWorker::done);
                long leftNs = tickNs - System.nanoTime();
                if (allDone || leftNs <= 0) {
                    return allDone;
                }
                if (stopRequested.await(Math.min(leftNs, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requestStop();
            return false;
        }
    }

    private HistogramLogWriter openLog(long runStartMs) throws IOException {
        Path file = outputs.hlog();
        if (file == null) {
            return null;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        HistogramLogWriter log = new HistogramLogWriter(file.toFile());
        log.outputComment("reactorbench load: " + spec.app().id() + " " + spec.model().id() + ", "
                + spec.connections() + " connections, shard " + spec.shardIndex() + "/" + spec.shardCount()
                + "; latency in ns; " + IntervalLogTags.describe(spec.model()));
        log.outputLogFormatVersion();
        log.outputStartTime(runStartMs);
        log.setBaseTime(runStartMs);
        log.outputLegend();
        return log;
    }

    private void writeInterval(HistogramLogWriter log, LatencyInterval interval, long fromMs, long toMs) {
        if (spec.model().scheduled()) {
            stamp(interval.corrected, null, fromMs, toMs);
            emit(log, interval.corrected);
        }
        stamp(interval.uncorrected, IntervalLogTags.uncorrectedTag(spec.model()), fromMs, toMs);
        emit(log, interval.uncorrected);
        if (spec.model().scheduled()) {
            // Logged so that agents' lateness merges exactly (added histograms), as their latency does.
            stamp(interval.sendLateness, IntervalLogTags.SEND_LATENESS, fromMs, toMs);
            emit(log, interval.sendLateness);
        }
    }

    /** One stamped interval into the log (if any) and to the interval sink (if any). */
    private void emit(HistogramLogWriter log, Histogram interval) {
        if (log != null) {
            log.outputIntervalHistogram(interval);
        }
        if (intervalSink != null) {
            intervalSink.accept(interval);
        }
    }

    private static void stamp(Histogram h, String tag, long fromMs, long toMs) {
        h.setTag(tag);
        h.setStartTimeStamp(fromMs);
        h.setEndTimeStamp(toMs);
    }

    private static long cycles(List<LoadWorker> workers) {
        long sum = 0;
        for (LoadWorker w : workers) {
            sum += w.closedCycles.get();
        }
        return sum;
    }

    static Histogram newHistogram() {
        return new Histogram(1, LoadWorker.MAX_LATENCY_NS, 3);
    }

    /** CPU time of this whole process (all threads, JIT and GC included), or -1 where the JVM does not say. */
    private static long processCpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long heapAfterGcBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
