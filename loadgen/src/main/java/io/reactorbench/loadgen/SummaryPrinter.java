package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.CeilingStep;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.load.RateCheck;
import io.reactorbench.results.load.Responses;
import java.io.PrintStream;
import java.util.Locale;
import org.HdrHistogram.AbstractHistogram;

/** Renders a {@link LoadResult} the way wrk2 does: percentiles of both histograms, then the spectrum. */
public final class SummaryPrinter {

    private static final double NS_PER_MS = 1e6;

    private SummaryPrinter() {
    }

    /** {@code corrected} is null when the model has no intended send times (closed loop, churn). */
    public static void print(PrintStream out, LoadResult r, AbstractHistogram corrected, AbstractHistogram uncorrected) {
        print(out, r, corrected, uncorrected, null);
    }

    /**
     * As {@link #print(PrintStream, LoadResult, AbstractHistogram, AbstractHistogram)}, with the corrected latency of
     * the answered requests alone ({@code answeredCorrected}, null when not kept): shown when requests failed, so
     * that the difference the failures make to the percentiles is seen.
     */
    public static void print(PrintStream out, LoadResult r, AbstractHistogram corrected, AbstractHistogram uncorrected,
            AbstractHistogram answeredCorrected) {
        LoadResult.Params p = r.params();
        String pacing = switch (p.model()) {
            case "open" -> p.stages() == null ? String.format(Locale.ROOT, "open loop at %.0f req/s", p.rate())
                    : String.format(Locale.ROOT, "open loop in stages from %.0f req/s: %s", p.rate(), p.stages());
            case "idle" -> String.format(Locale.ROOT, "idle connections, heartbeat total %.1f req/s", p.rate());
            case "closed" -> "closed loop, depth " + p.depth() + (p.batch() ? " (in batches)" : "");
            case "slowread" -> String.format(Locale.ROOT, "slow reader (sends as fast as accepted, up to %s in flight;"
                    + " reads %s/s per connection)", bytes(p.maxInFlightBytes()), bytes(p.readRateBytesPerSec()));
            case "ceiling" -> String.format(Locale.ROOT, "connection ceiling, each step held at %.0f req/s over random"
                    + " connections", p.rate());
            case "sweep" -> r.sweep() == null || r.sweep().find() == null ? "open-loop rates in steps"
                    : "search of the highest rate within " + r.sweep().objective().describe();
            default -> "churn (connect, one request, close)";
        };
        out.printf(Locale.ROOT, "%.1fs test @ %s: %s, %s, %d connections, %d threads%s%n", r.windowSeconds(),
                String.join(",", p.targets()), p.app(), pacing, p.connections(), p.threads(),
                r.shards() > 1 ? ", " + r.shards() + " agents" : "");
        if (r.steps() == null && r.sweep() == null) {
            printWarmup(out, r);
        }
        if (r.sweep() != null) {
            out.println("  Sweep: " + r.sweep().outcome());
        }
        if (r.slowRead() != null) {
            printSlowRead(out, r);
            return;
        }
        if (r.latencyNs().corrected() != null) {
            out.println("  Latency, corrected for coordinated omission (from the intended send time):");
            printPercentiles(out, r.latencyNs().corrected());
        } else {
            out.println("  Latency, corrected: not available in this model: each connection waits for its answer"
                    + " before sending, so coordinated omission is NOT corrected and stalls are under-reported.");
        }
        out.println("  Latency, uncorrected (from the actual send):");
        printPercentiles(out, r.latencyNs().uncorrected());
        printErrorRate(out, r, answeredCorrected);
        AbstractHistogram spectrum = corrected != null ? corrected : uncorrected;
        if (spectrum != null && spectrum.getTotalCount() > 0) {
            out.printf("  Detailed percentile spectrum (%s, ms):%n", corrected != null ? "corrected" : "uncorrected");
            spectrum.outputPercentileDistribution(out, 5, NS_PER_MS);
        }
        out.printf(Locale.ROOT, "  %d requests answered%s in %.2fs; errors: connect %d, timeout %d, reset %d,"
                + " protocol %d%n", r.requests(), r.failedRequests() == null ? "" : ", " + r.failedRequests().total()
                + " failed", r.windowSeconds(), r.errors().connect(), r.errors().timeout(), r.errors().reset(),
                r.errors().protocol());
        Responses responses = r.responses();
        if (responses != null && responses.httpStatusCounts() != null) {
            out.println("  HTTP status codes: " + (responses.httpStatusCounts().isEmpty() ? "(no answers)"
                    : String.join(", ", responses.httpStatusCounts().entrySet().stream()
                            .map(e -> e.getKey() + " x" + e.getValue()).toList())));
            if (responses.unsuccessfulHttpAnswers() > 0) {
                out.printf(Locale.ROOT, "  Non-2xx or 3xx responses: %d%n", responses.unsuccessfulHttpAnswers());
            }
        }
        out.printf(Locale.ROOT, "Requests/sec: %.2f%n", r.throughput());
        RateCheck rate = r.rateCheck();
        if (rate != null && rate.missed()) {
            out.printf(Locale.ROOT, "Rate MISSED: %.0f req/s answered of %.0f asked (%.1f%%, tolerance %.0f%%): the"
                    + " schedule fell behind, so corrected latencies measure a growing backlog%n", rate.achievedPerSec(),
                    rate.targetPerSec(), rate.achievedPercent(), rate.tolerance() * 100);
        }
        if (responses != null) {
            out.printf(Locale.ROOT, "Transfer/sec: %s%n", bytes((long) responses.bytesReadPerSecond()));
        }
        if (r.clientCpuSeconds() != null && r.clientCpuSeconds() > 0) {
            out.printf(Locale.ROOT, "Load generator CPU: %.3f s in the window, %.0f requests per CPU second%n",
                    r.clientCpuSeconds(), r.requests() / r.clientCpuSeconds());
        }
        if (r.connectionsPerSecond() != null) {
            out.printf(Locale.ROOT, "Connections/sec: %.2f%n", r.connectionsPerSecond());
        }
        GeneratorSchedule schedule = GeneratorSchedule.of(r.sendLatenessNs(),
                r.latencyNs() == null ? null : r.latencyNs().corrected());
        if (schedule != null) {
            LatencySummary late = schedule.sendLatenessNs();
            out.printf(Locale.ROOT, "Schedule lateness of this generator: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms,"
                    + " max %.3f ms%s%n", late.p50() / NS_PER_MS, late.p99() / NS_PER_MS, late.p999() / NS_PER_MS,
                    late.max() / NS_PER_MS, schedule.behind() ? " -- behind its schedule: " + schedule.reason() : "");
        }
        if (r.memory() != null) {
            out.printf(Locale.ROOT, "Heap per connection: %d bytes (%d connections; heap after GC %d -> %d bytes)%n",
                    r.memory().heapPerConnectionBytes(), r.memory().connections(), r.memory().heapBeforeBytes(),
                    r.memory().heapAfterBytes());
        }
        if (!r.firstErrors().isEmpty()) {
            out.println("First errors:");
            r.firstErrors().forEach(e -> out.println("  " + e));
        }
        if (r.steps() != null) {
            printSteps(out, r);
        } else if (r.stoppedEarly()) {
            out.println("(stopped early: the window is shorter than asked)");
        }
    }

    /**
     * The share of requests that failed, beside the latency that holds them: a failed request is in both views at
     * the time it failed, so a p99 that reads the timeout says "more than 1 % failed", not "the server is slow".
     */
    private static void printErrorRate(PrintStream out, LoadResult r, AbstractHistogram answeredCorrected) {
        if (r.failedRequests() == null || r.errorRate() == null) {
            return;
        }
        ErrorCounts failed = r.failedRequests();
        out.printf(Locale.ROOT, "  Error rate: %.3f%% (%d of %d requests failed: timeout %d, reset %d, protocol %d);"
                + " the latency above includes them, each at the time it failed%n", r.errorRate() * 100,
                failed.total(), r.requests() + failed.total(), failed.timeout(), failed.reset(), failed.protocol());
        if (failed.total() > 0 && answeredCorrected != null && answeredCorrected.getTotalCount() > 0) {
            LatencySummary answered = LatencySummary.of(answeredCorrected);
            out.printf(Locale.ROOT, "  Answered requests alone (corrected, failures left out): p50 %.3f ms, p99 %.3f ms,"
                    + " p99.9 %.3f ms, max %.3f ms%n", answered.p50() / NS_PER_MS, answered.p99() / NS_PER_MS,
                    answered.p999() / NS_PER_MS, answered.max() / NS_PER_MS);
        }
    }

    /** Ceiling: one row per step; the window, requests and latency above are all the holds together. */
    private static void printSteps(PrintStream out, LoadResult r) {
        out.println("Steps (hold latency corrected, ms):");
        out.printf(Locale.ROOT, "  %4s %9s %9s %9s %10s %9s %8s %8s %8s %8s  %s%n", "step", "target", "held",
                "verified", "connect/s", "requests", "p50", "p99", "p99.9", "max", "stopped by");
        for (CeilingStep step : r.steps()) {
            LatencySummary l = step.latencyNs();
            out.printf(Locale.ROOT, "  %4d %9d %9d %9d %10.0f %9d %8.3f %8.3f %8.3f %8.3f  %s%n", step.index(),
                    step.targetConnections(), step.heldConnections(), step.verified(), step.connectRatePerSec(),
                    step.requests(), l.p50() / NS_PER_MS, l.p99() / NS_PER_MS, l.p999() / NS_PER_MS,
                    l.max() / NS_PER_MS, step.completed() ? "" : step.stoppedBy().id() + ": " + step.stopDetail());
        }
    }

    /** What the window left out, so that a short run's numbers are not read as including the JVM's start. */
    private static void printWarmup(PrintStream out, LoadResult r) {
        double warmupSeconds = r.params().warmupSeconds();
        if (warmupSeconds > 0) {
            out.printf(Locale.ROOT, "  Warm-up excluded: the first %.1f s (%d requests answered) ran before the window%n",
                    warmupSeconds, r.warmupRequests() == null ? 0 : r.warmupRequests());
        } else {
            out.println("  No warm-up (--warmup 0s): the window includes the JVM's start (JIT compilation, connection"
                    + " set-up)");
        }
    }

    /** slowread: bytes and stalls instead of latency, which the throttled reader makes meaningless. */
    private static void printSlowRead(PrintStream out, LoadResult r) {
        LoadResult.SlowRead s = r.slowRead();
        out.println("  Latency: not meaningful in this model (answers wait behind the client's own read throttle);"
                + " watch the server's memory (RSS, heap) instead: it should stay bounded.");
        double window = Math.max(r.windowSeconds(), 1e-9);
        out.printf(Locale.ROOT, "  Sent %s (%s/s), read %s (%s/s) in %.2fs; %d answers checked%n", bytes(s.bytesSent()),
                bytes((long) (s.bytesSent() / window)), bytes(s.bytesRead()), bytes((long) (s.bytesRead() / window)),
                r.windowSeconds(), r.requests());
        out.printf(Locale.ROOT, "  Send stalls (socket full: the server pushed back): %d, %.3f s in total over all"
                + " connections, longest %.3f s%n", s.stalls(), s.stallSeconds(), s.longestStallSeconds());
        if (s.connectionsAtCap() > 0) {
            out.printf(Locale.ROOT, "  %d connections had their whole in-flight cap accepted: the server kept reading"
                    + " for a client that did not read (it buffers instead of pushing back)%n", s.connectionsAtCap());
        }
        out.printf(Locale.ROOT, "  errors: connect %d, timeout %d, reset %d, protocol %d%n", r.errors().connect(),
                r.errors().timeout(), r.errors().reset(), r.errors().protocol());
        if (!r.firstErrors().isEmpty()) {
            out.println("First errors:");
            r.firstErrors().forEach(e -> out.println("  " + e));
        }
        if (r.stoppedEarly()) {
            out.println("(stopped early: the window is shorter than asked)");
        }
    }

    static String bytes(Long n) {
        if (n == null) {
            return "?";
        }
        if (n >= 10L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1 << 20));
        }
        if (n >= 10L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return n + " B";
    }

    private static void printPercentiles(PrintStream out, LatencySummary s) {
        if (s.count() == 0) {
            out.println("     (no requests completed)");
            return;
        }
        row(out, "50.000%", s.p50());
        row(out, "75.000%", s.p75());
        row(out, "90.000%", s.p90());
        row(out, "99.000%", s.p99());
        row(out, "99.900%", s.p999());
        row(out, "99.990%", s.p9999());
        row(out, "   max ", s.max());
        out.printf(Locale.ROOT, "     mean    %s%n", ms(s.mean()));
    }

    private static void row(PrintStream out, String label, long ns) {
        out.printf(Locale.ROOT, "  %s  %s%n", label, ms(ns));
    }

    static String ms(double ns) {
        return String.format(Locale.ROOT, "%9.3fms", ns / NS_PER_MS);
    }
}
