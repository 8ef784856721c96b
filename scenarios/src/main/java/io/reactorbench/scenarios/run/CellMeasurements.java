package io.reactorbench.scenarios.run;

import io.reactorbench.results.AllocationCalibration;
import io.reactorbench.results.CellParams;
import io.reactorbench.results.CellStatus;
import io.reactorbench.results.CellSummary;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPause;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.LoadGeneratorCpu;
import io.reactorbench.results.LoadPlacement;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.MemoryPerConnection;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.SlowReadSummary;
import io.reactorbench.results.ServerMetrics;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.scenarios.suite.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what one cell recorded (the load generator's load.json, the server's probe samples) into its summary.
 * A pure function of its inputs, so the arithmetic is tested without processes.
 *
 * <p>Server CPU and allocation are rates over the probe samples that fall inside the measured window,
 * divided by the request rate the load generator measured over the same window: exact alignment of the
 * samples with the window's edges then does not matter, only that they lie inside it. Consecutive samples that
 * bracket one of the runner's own GCs (idle memory, ceiling steps) are left out of both the deltas and the time they
 * span: the forced collection's CPU and what the runner's sampling around it costs are not the requests'. Each STATS
 * answer itself allocates (a JSON line); that cost, calibrated on the idle server before the load starts
 * ({@link AllocationCalibration}), is subtracted per answer so that an allocation-free server reads about 0
 * B/request, and never clamped: a negative result stays negative and is said to be.
 */
public final class CellMeasurements {

    /**
     * What a cell recorded.
     *
     * @param load               the load generator's result (load.json)
     * @param samples            every probe sample of the cell, in time order
     * @param probeBytesPerSample allocation of answering one STATS, measured on the idle server; 0 if unknown
     * @param idleBefore         idle scenarios: settled samples after a GC before connecting, else null
     * @param idleAfter          idle scenarios: settled samples after a GC with the connections open, else null
     * @param ownGcIntervals     [fromMs, toMs] intervals in which the runner itself asked for a GC
     * @param loadCpus           CPUs the load generator could run on (its pinned set), null when unknown
     * @param loadPlacement      how the load was spread over agents and source addresses; null: one process
     * @param ceiling            model ceiling: its steps with the servers' memory at each; null otherwise
     * @param probeCalibration   how {@code probeBytesPerSample} was measured (written into the summary); null when
     *                           unknown
     * @param syscalls           the server's system calls counted in intervals ({@code run --syscalls}); null when not
     *                           counted
     */
    public record Recorded(
            Scenario scenario,
            String design,
            int trial,
            LoadResult load,
            List<ProbeSample> samples,
            MeasuredWindow window,
            long probeBytesPerSample,
            List<ProbeSample> idleBefore,
            List<ProbeSample> idleAfter,
            List<long[]> ownGcIntervals,
            Integer loadCpus,
            LoadPlacement loadPlacement,
            CeilingResult ceiling,
            AllocationCalibration probeCalibration,
            SyscallIntervals syscalls) {

        /** Load from one process, without source addresses. */
        public Recorded(Scenario scenario, String design, int trial, LoadResult load, List<ProbeSample> samples,
                        MeasuredWindow window, long probeBytesPerSample, List<ProbeSample> idleBefore,
                        List<ProbeSample> idleAfter, List<long[]> ownGcIntervals, Integer loadCpus) {
            this(scenario, design, trial, load, samples, window, probeBytesPerSample, idleBefore, idleAfter,
                    ownGcIntervals, loadCpus, null, null, null, null);
        }

        /** Without the load generator's CPU count (its utilisation is then taken against its threads). */
        public Recorded(Scenario scenario, String design, int trial, LoadResult load, List<ProbeSample> samples,
                        MeasuredWindow window, long probeBytesPerSample, List<ProbeSample> idleBefore,
                        List<ProbeSample> idleAfter, List<long[]> ownGcIntervals) {
            this(scenario, design, trial, load, samples, window, probeBytesPerSample, idleBefore, idleAfter,
                    ownGcIntervals, null);
        }
    }

    private CellMeasurements() {
    }

    public static CellSummary summarize(Recorded r) {
        Scenario s = r.scenario();
        LoadResult load = r.load();
        long requests = load.requests();
        double windowSeconds = load.windowSeconds();
        double throughput = load.throughput();
        ErrorCounts errors = load.errors() == null ? ErrorCounts.NONE : load.errors();
        boolean slowReadModel = "slowread".equals(s.model()) || load.slowRead() != null;
        LatencyViews latency = slowReadModel ? null : load.latencyNs();
        Double connectionsPerSecond = load.connectionsPerSecond();

        ServerRates rates = serverRates(r, throughput);
        ServerMetrics server = r.syscalls() == null ? rates.metrics() : rates.metrics().withSyscalls(
                r.syscalls().perRequest(r.window(), throughput, SyscallCounter.METHOD));
        LoadGeneratorCpu loadGenerator = LoadGeneratorCpu.of(load.clientCpuSeconds(), windowSeconds,
                load.params() == null ? null : load.params().threads(), r.loadCpus());
        MemoryPerConnection memory = s.measuresMemoryPerConnection() ? IdleMemory.of(r) : null;
        GeneratorSchedule schedule = slowReadModel ? null
                : load.sweep() != null ? sweepSchedule(load.sweep())
                : GeneratorSchedule.of(load.sendLatenessNs(), latency == null ? null : latency.corrected());

        CellStatus status = CellStatus.OK;
        String reason = null;
        if (r.ceiling() != null) {
            // a ramp stopped by a limit or its errors has found its ceiling: a result, unless no step completed
            if (r.ceiling().highestHeld() == 0) {
                status = CellStatus.FAILED;
                reason = "no step of the ramp completed" + (r.ceiling().stoppedBecause() == null ? ""
                        : ": " + r.ceiling().stoppedBecause());
            }
            return new CellSummary(SchemaVersions.SUMMARY, s.name(), s.variant(), r.design(), r.trial(), status,
                    reason, params(s), windowSeconds, requests, throughput, errors, latency, server, null, null,
                    loadGenerator, null, placement(r), r.ceiling(), load.failedRequests(), load.errorRate(), schedule,
                    rates.calibration(), null);
        }
        if (load.sweep() != null) {
            // a sweep past its knee has errors and late answers by design: a result, unless no step ran at all
            if (load.sweep().steps().isEmpty()) {
                status = CellStatus.FAILED;
                reason = "no step of the sweep ran: " + load.sweep().outcome();
            }
            return new CellSummary(SchemaVersions.SUMMARY, s.name(), s.variant(), r.design(), r.trial(), status,
                    reason, params(s), windowSeconds, requests, throughput, errors, latency, server, null, null,
                    loadGenerator, null, placement(r), null, load.failedRequests(), load.errorRate(), schedule,
                    rates.calibration(), load.sweep());
        }
        long base = Math.max(requests, s.idle() || s.churn() ? s.connections() : 0);
        if (errors.total() > s.maxErrorRatio() * Math.max(base, 1)) {
            status = CellStatus.FAILED;
            reason = String.format("%d errors in %d requests, above the %.2f%% threshold (%s)", errors.total(), requests,
                    s.maxErrorRatio() * 100, describe(errors));
        } else if (requests == 0 && !s.idle() && connectionsPerSecond == null) {
            status = CellStatus.FAILED;
            reason = "no request completed in the measured window";
        }
        return new CellSummary(SchemaVersions.SUMMARY, s.name(), s.variant(), r.design(), r.trial(), status, reason,
                params(s), windowSeconds, requests, throughput, errors, latency, server, memory, connectionsPerSecond,
                loadGenerator, slowRead(load, windowSeconds), placement(r), null, load.failedRequests(),
                load.errorRate(), schedule, rates.calibration(), null);
    }

    /**
     * A sweep's verdict is its representative step's (the sustained one, else the lowest rate), the step whose
     * figures speak for it: past the knee every connection is busy, so sends wait for one to come free and the
     * whole sweep's lateness is the server's backlog, which would mark every sweep that found its knee as behind.
     */
    private static GeneratorSchedule sweepSchedule(SweepResult sweep) {
        return sweep.representativeStep()
                .map(step -> GeneratorSchedule.of(step.sendLatenessNs(), step.latencyNs()))
                .orElse(null);
    }

    private static LoadPlacement placement(Recorded r) {
        return r.loadPlacement() == null || r.loadPlacement().single() ? null : r.loadPlacement();
    }

    /**
     * The slowread model's own numbers from load.json's {@code slowRead} (null for other models). Its latency is
     * left out of the summary: readers throttled on purpose make it meaningless.
     */
    static SlowReadSummary slowRead(LoadResult load, double windowSeconds) {
        LoadResult.SlowRead measured = load.slowRead();
        if (measured == null) {
            return null;
        }
        long sent = measured.bytesSent();
        long read = measured.bytesRead();
        LoadResult.Params params = load.params();
        return new SlowReadSummary(sent, read, windowSeconds > 0 ? sent / windowSeconds : 0,
                windowSeconds > 0 ? read / windowSeconds : 0, measured.stalls(), measured.stallSeconds(),
                measured.longestStallSeconds(), measured.connectionsAtCap(),
                params == null ? null : params.readRateBytesPerSec(), params == null ? null : params.maxInFlightBytes());
    }

    /** A failed cell's summary: what it was, why it failed, no numbers. */
    public static CellSummary failed(Scenario s, String design, int trial, String reason) {
        return new CellSummary(SchemaVersions.SUMMARY, s.name(), s.variant(), design, trial, CellStatus.FAILED, reason,
                params(s), 0, 0, 0, ErrorCounts.NONE, null, null, null, null);
    }

    public static CellParams params(Scenario s) {
        return new CellParams(s.app(), s.model(), s.connections(), s.rate(), s.size(), s.depth(), s.responseSize(),
                s.cpuNs(), s.blockUs(), s.warmupSeconds(), s.durationSeconds(),
                s.serverCpuCapped() ? s.serverCpuQuotaPercent() : null, s.transport().id());
    }

    /** The server's metrics, and the probe calibration with the window's figures (null without one). */
    private record ServerRates(ServerMetrics metrics, AllocationCalibration calibration) {
    }

    private static ServerRates serverRates(Recorded r, double throughput) {
        List<ProbeSample> inWindow = new ArrayList<>();
        for (ProbeSample sample : r.samples()) {
            if (r.window().contains(sample.atMs())) {
                inWindow.add(sample);
            }
        }
        if (inWindow.size() < 2) {
            inWindow = widest(r.samples(), r.window());
        }
        if (inWindow.size() < 2) {
            return new ServerRates(ServerMetrics.UNKNOWN, r.probeCalibration());
        }
        ProbeSample first = inWindow.getFirst();
        ProbeSample last = inWindow.getLast();
        SampleSpans spans = SampleSpans.between(r.samples(), first, last, r.ownGcIntervals());
        double spanSeconds = spans.seconds();

        Double cpuUsPerRequest = null;
        Long cpuDelta = spans.cpuNs();
        if (cpuDelta != null && spanSeconds > 0 && throughput > 0) {
            cpuUsPerRequest = cpuDelta / 1000.0 / spanSeconds / throughput;
        }
        Double bytesPerRequest = null;
        AllocationCalibration calibration = r.probeCalibration();
        Long allocated = spans.allocatedBytes();
        if (allocated != null && spanSeconds > 0 && throughput > 0) {
            long corrected = allocated - spans.probeAnswers() * r.probeBytesPerSample();
            bytesPerRequest = corrected / spanSeconds / throughput;
            double uncorrected = allocated / spanSeconds / throughput;
            String belowZero = corrected >= 0 ? null : String.format(java.util.Locale.ROOT,
                    "the probe's calibrated allocation (%d answers x %d B) exceeds the %d B the server allocated in"
                            + " the span: the server allocated less per request than the calibration resolves, at"
                            + " most %.1f B (uncorrected)", spans.probeAnswers(), r.probeBytesPerSample(), allocated,
                    uncorrected);
            if (calibration != null) {
                calibration = calibration.withWindow(spans.probeAnswers(), uncorrected, belowZero);
            }
        }
        return new ServerRates(new ServerMetrics(cpuUsPerRequest, bytesPerRequest, gcPauses(r, first, last),
                last.rssBytes(), last.heapUsedBytes(), last.threads(), rejectedOnFdLimit(r.samples()), null), calibration);
    }

    /**
     * Connections refused at the fd limit over the whole cell (its server started with the cell, so the last count
     * is the cell's), not only the window: connecting happens before the window, and that is when it runs out.
     */
    private static Long rejectedOnFdLimit(List<ProbeSample> samples) {
        Long last = null;
        for (ProbeSample sample : samples) {
            if (sample.rejectedOnFdLimit() != null) {
                last = sample.rejectedOnFdLimit();
            }
        }
        return last;
    }

    /** The last sample at or before the window's start and the first at or after its end. */
    private static List<ProbeSample> widest(List<ProbeSample> samples, MeasuredWindow window) {
        ProbeSample before = null;
        ProbeSample after = null;
        for (ProbeSample sample : samples) {
            if (sample.atMs() <= window.startMs()) {
                before = sample;
            }
            if (after == null && sample.atMs() >= window.endMs()) {
                after = sample;
            }
        }
        if (before == null && !samples.isEmpty()) {
            before = samples.getFirst();
        }
        if (after == null && !samples.isEmpty()) {
            after = samples.getLast();
        }
        return before == null || before == after ? List.of() : List.of(before, after);
    }

    private static GcPauses gcPauses(Recorded r, ProbeSample first, ProbeSample last) {
        return gcPauses(r.samples(), r.window(), r.ownGcIntervals(), first, last);
    }

    /**
     * The server's GC pauses that began inside {@code window}, the runner's own GCs left out, each timed from the
     * window's start; from the samples' pause lists, else (a probe without them) from the counters of {@code first}
     * and {@code last}. Null when the server has no inside probe.
     */
    static GcPauses gcPauses(List<ProbeSample> samples, MeasuredWindow window, List<long[]> ownGcIntervals,
                             ProbeSample first, ProbeSample last) {
        if (first.gcCount() == null) {
            return null; // no inside probe: GC is unknown, not zero
        }
        List<GcPause> pauses = new ArrayList<>();
        boolean anyPauseList = false;
        for (ProbeSample sample : samples) {
            anyPauseList |= !sample.pauses().isEmpty();
            for (List<Double> pause : sample.pauses()) {
                double startMs = pause.get(0);
                if (window.contains(startMs) && !ownGc(ownGcIntervals, startMs)) {
                    pauses.add(new GcPause(startMs - window.startMs(), pause.get(1)));
                }
            }
        }
        if (!anyPauseList) {
            Long count = SampleSpans.delta(first, last, ProbeSample::gcCount);
            double total = first.gcPauseTotalMs() != null && last.gcPauseTotalMs() != null
                    ? last.gcPauseTotalMs() - first.gcPauseTotalMs() : 0;
            return new GcPauses(count == null ? 0 : count, total, count != null && count > 0 && last.gcPauseMaxMs() != null
                    ? Math.min(total, last.gcPauseMaxMs()) : 0, List.of());
        }
        double total = pauses.stream().mapToDouble(GcPause::durationMs).sum();
        double max = pauses.stream().mapToDouble(GcPause::durationMs).max().orElse(0);
        return new GcPauses(pauses.size(), total, max, pauses);
    }

    private static boolean ownGc(List<long[]> intervals, double atMs) {
        for (long[] interval : intervals) {
            if (atMs >= interval[0] && atMs <= interval[1]) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ErrorCounts e) {
        return "connect " + e.connect() + ", timeout " + e.timeout() + ", reset " + e.reset() + ", protocol " + e.protocol();
    }
}
