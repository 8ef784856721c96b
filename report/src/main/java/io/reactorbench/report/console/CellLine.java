package io.reactorbench.report.console;

import io.reactorbench.results.CellSummary;
import io.reactorbench.results.metric.QuantityUnit;
import java.util.List;
import java.util.Locale;

/**
 * What the runner prints when a cell finished well: its rate, p99, slow-read figures, memory, a saturated client, a load
 * generator behind its schedule; for a connection-ceiling cell, what it held and why it stopped instead; for a rate
 * sweep, what it sustained.
 */
public final class CellLine {

    private CellLine() {
    }

    public static String of(CellSummary s) {
        if (s.ceiling() != null) {
            return CeilingCells.line(s) + (s.generatorBehind() ? behind(s) : "");
        }
        if (s.sweep() != null) {
            return SweepCells.line(s);
        }
        var latency = s.latencyNs().preferred();
        var slowRead = s.slowRead();
        var loadCpu = s.loadGenerator();
        return String.format(Locale.ROOT, "%.0f req/s%s%s%s%s%s%s", s.throughput(),
                latency == null ? "" : String.format(Locale.ROOT, ", p99 %.0f µs", latency.p99() / 1e3),
                // Beside the p99, which holds the failed requests.
                latency == null || s.errorRate() == null ? "" : ", error rate " + QuantityUnit.SHARE.format(s.errorRate()),
                slowRead == null ? "" : String.format(Locale.ROOT, ", read %.0f B/s, %d stalls, %d at cap",
                        slowRead.bytesReadPerSecond(), slowRead.stalls(), slowRead.connectionsAtCap()),
                s.memory() != null && s.memory().rssPerConnectionBytes() != null
                        ? ", " + EndOfRunTable.rssPerConnection(List.of(s)) + " rss/conn" : "",
                loadCpu != null && loadCpu.saturated() ? String.format(Locale.ROOT,
                        ", load generator at %.0f%% of its CPU (saturated)", loadCpu.utilisation() * 100) : "",
                s.generatorBehind() ? behind(s) : "");
    }

    /** The lagging generator, marked as in the end-of-run table, with its lateness against the bound. */
    static String behind(CellSummary s) {
        return String.format(Locale.ROOT, ", %s load generator behind its schedule (send lateness p99 %.2f ms > %.2f ms:"
                + " latency not judged)", EndOfRunTable.BEHIND_MARK, s.generatorSchedule().sendLatenessNs().p99() / 1e6,
                s.generatorSchedule().boundNs() / 1e6);
    }
}
