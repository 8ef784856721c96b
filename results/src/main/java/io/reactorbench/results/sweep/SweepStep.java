package io.reactorbench.results.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;

/**
 * One step of a rate sweep (issue 19 B, {@code load --model sweep}): the connections held throughout, an open-loop
 * rate offered for a warm-up and then a measured window, the server given time to answer what was sent before the
 * next step begins. The same record in load.json and summary.json.
 *
 * @param index              0-based, in the order the steps ran (a search's steps are not sorted by rate)
 * @param offeredRatePerSec  requests per second the schedule asked for
 * @param achievedRatePerSec requests answered in the window per second of the window
 * @param requests           requests answered in the window (those sent in its warm-up and answered in it included)
 * @param errors             errors in the window, by kind
 * @param errorRatio         errors / (requests + errors)
 * @param latencyNs          corrected latency of the window's requests (from their intended send time)
 * @param windowStartEpochMs wall-clock start of the measured window (after the step's warm-up)
 * @param windowEndEpochMs   wall-clock end of the measured window
 * @param metObjective       whether the step met the objective; null when the sweep has none
 * @param breach             what broke the objective ({@code p99 12.3 ms > 5 ms, ...}); null when met or none
 */
public record SweepStep(int index, double offeredRatePerSec, double achievedRatePerSec, long requests,
        ErrorCounts errors, double errorRatio, LatencySummary latencyNs, long windowStartEpochMs,
        long windowEndEpochMs, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean metObjective,
        @JsonInclude(JsonInclude.Include.NON_NULL) String breach) {
}
