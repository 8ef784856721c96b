package io.reactorbench.results.load;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;

/**
 * One step of a connection-ceiling ramp ({@code load --model ceiling}): the connections were opened up to the
 * step's count, each verified live by one echo round trip, then held while an open-loop request rate ran over
 * connections chosen at random. Counts are this process's (or, merged, the sum over agents).
 *
 * @param index 0-based position in the ramp
 * @param targetConnections connections the step asked for
 * @param heldConnections connections open at the end of the step (read also as {@code held}, its name in
 *        summary.json's ceiling steps before they embedded this record)
 * @param connectSeconds how long opening the step's new connections took (0 when none were new)
 * @param connectRatePerSec new connections per second achieved while opening them
 * @param verified connections that answered their verification echo during this step
 * @param holdStartEpochMs wall-clock start of the hold (0 when the step stopped before its hold); merged: the
 *        latest agent's start
 * @param holdEndEpochMs wall-clock end of the hold; merged: the earliest agent's end
 * @param requests hold requests answered (verification echoes not included)
 * @param errors errors during the step (connect, verify and hold), by kind
 * @param latencyNs latency of the hold's requests, corrected for coordinated omission (from the intended send
 *        time), the failed ones included at the moment they failed; merged from the agents' histograms, never from
 *        their percentiles
 * @param stoppedBy why the ramp stopped at this step; null when the step completed
 * @param stopDetail the reason as a sentence (merged: naming the agent); null when the step completed
 * @param failedRequests hold requests that failed, by kind (in {@code latencyNs}, not in {@code requests}); absent
 *        in files written before it existed
 * @param errorRate failed / (answered + failed) hold requests; absent where failedRequests is
 * @param sendLatenessNs how late the generator sent the hold's requests against their schedule (merged from the
 *        agents' histograms); null (not written) in results written before it was recorded. Unlike the open model,
 *        whose lateness is the loop's alone (a request held back by its connection's depth is not late), a hold's
 *        event that finds every connection of the step busy waits for one and counts that wait too: with few
 *        connections and a slow server it is the server's as much as the generator's
 */
public record CeilingStep(int index, int targetConnections, @JsonAlias("held") int heldConnections,
        double connectSeconds, double connectRatePerSec, int verified, long holdStartEpochMs, long holdEndEpochMs,
        long requests, ErrorCounts errors, LatencySummary latencyNs, CeilingStop stoppedBy, String stopDetail,
        @JsonInclude(JsonInclude.Include.NON_NULL) ErrorCounts failedRequests,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double errorRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) LatencySummary sendLatenessNs) {

    /** Whether the step held its connections to the end (the ramp went on, or this was the top step). */
    public boolean completed() {
        return stoppedBy == null;
    }
}
