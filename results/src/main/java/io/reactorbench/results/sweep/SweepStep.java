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
 * @param requests           requests answered in the window (those sent in its warm-up and answered in it included;
 *                           the failed ones are in {@code failedRequests})
 * @param errors             errors in the window, by kind
 * @param failedRequests     the window's requests that failed, by the kind of error that lost them (every request in
 *                           flight on a connection that failed: a timeout, a reset, a wrong answer); they are in
 *                           {@code latencyNs}, not in {@code requests}, as in a ceiling step's hold
 * @param errorRate          failed / (answered + failed) requests: what the objective's error limit judges
 * @param latencyNs          corrected latency of the window's requests (from their intended send time), the failed
 *                           ones included at the moment they failed (a timeout at least the timeout), so that a step
 *                           whose server fails requests cannot meet a latency limit by losing its slowest ones
 * @param windowStartEpochMs wall-clock start of the measured window (after the step's warm-up)
 * @param windowEndEpochMs   wall-clock end of the measured window
 * @param metObjective       whether the step met the objective; null when the sweep has none
 * @param breach             what broke the objective ({@code p99 12.3 ms > 5 ms, ...}); null when met or none
 * @param sendLatenessNs     how late the generator sent the window's requests against the step's schedule (a send
 *                           waiting for a connection to come free counts too, so past the knee it is the server's
 *                           backlog as much as the generator's); null (not written) in files written before it
 */
public record SweepStep(int index, double offeredRatePerSec, double achievedRatePerSec, long requests,
        ErrorCounts errors, ErrorCounts failedRequests, double errorRate, LatencySummary latencyNs,
        long windowStartEpochMs, long windowEndEpochMs, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean metObjective,
        @JsonInclude(JsonInclude.Include.NON_NULL) String breach,
        @JsonInclude(JsonInclude.Include.NON_NULL) LatencySummary sendLatenessNs) {
}
