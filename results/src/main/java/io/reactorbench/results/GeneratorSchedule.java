package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * How well the load generator kept its own open-loop send schedule in the measured window, and whether it fell
 * behind it. Corrected latency counts from each request's intended send time (wrk2's and Gil Tene's answer to
 * coordinated omission), so a generator that sends late adds its own delay to every figure: the correction then
 * charges the server with the client's stall. A cell whose generator fell behind is marked like a saturated one,
 * and the gate does not judge its latency.
 *
 * <p>The bound: behind when the p99 of send lateness is above the larger of {@value #FLOOR_NS} ns and
 * {@value #SHARE_OF_P99} of the cell's corrected p99.
 * <ul>
 *   <li>The floor: the send loop sleeps in whole milliseconds (select/epoll timeouts, as wrk2's timers do), so a
 *       send may go out up to a millisecond late by design, plus scheduler jitter on a shared machine; that is the
 *       schedule's resolution, measured from the intended time and so never flattering, not a starved generator.
 *       It is the threshold above which {@code load}'s summary has warned of starvation since the lateness was
 *       recorded.</li>
 *   <li>The share: a request's corrected latency includes its send's lateness, so when the p99 of the lateness is
 *       a tenth of the measured p99, the generator alone could move that p99 by about as much as the default
 *       gate policy's latency rules are built to notice (p99 maxRise 25 %, on medians of noisy trials): the
 *       figure no longer says what the server did. The million-connection run of docs/BENCHMARKS.md §8 (lateness
 *       p99 223 ms of a 239 ms p99) is the case this catches.</li>
 * </ul>
 * Both percentiles are read off histograms merged over workers and agents (added, never averaged).
 *
 * @param sendLatenessNs how late the generator sent against its schedule, measured window only (load.json's
 *                       {@code sendLatenessNs})
 * @param boundNs        the p99 lateness above which the generator counts as behind, for this cell
 * @param behind         whether the p99 lateness was above {@code boundNs}
 * @param reason         why the cell counts as behind, as a sentence; null (not written) when it does not
 */
public record GeneratorSchedule(
        LatencySummary sendLatenessNs,
        long boundNs,
        boolean behind,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    /** Lateness the send loop's own timer granularity (whole-ms sleeps) and a shared machine's jitter explain. */
    public static final long FLOOR_NS = 2_000_000;
    /** Share of the corrected p99 that the generator's own p99 lateness may reach before it is taken as behind. */
    public static final double SHARE_OF_P99 = 0.10;

    /**
     * The verdict for a window whose sends were {@code sendLateness} late and whose corrected latency was
     * {@code corrected} (null or empty when nothing was answered: the floor alone bounds it); null when the load
     * recorded no lateness (closed loop, churn, slowread, results written before it was recorded).
     */
    public static GeneratorSchedule of(LatencySummary sendLateness, LatencySummary corrected) {
        if (sendLateness == null || sendLateness.count() == 0) {
            return null;
        }
        long p99 = corrected == null ? 0 : corrected.p99();
        long boundNs = Math.max(FLOOR_NS, (long) (SHARE_OF_P99 * p99));
        boolean behind = sendLateness.p99() > boundNs;
        String reason = !behind ? null : String.format(Locale.ROOT,
                "the load generator sent its p99 request %.3f ms late against its schedule, above the bound %.3f ms"
                        + " (the larger of %.0f ms and %.0f%% of the corrected p99, %.3f ms): the latency includes"
                        + " the generator's own delay", sendLateness.p99() / 1e6, boundNs / 1e6, FLOOR_NS / 1e6,
                SHARE_OF_P99 * 100, p99 / 1e6);
        return new GeneratorSchedule(sendLateness, boundNs, behind, reason);
    }
}
