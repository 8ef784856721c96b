package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One agent of a coordinated load ({@code reactorbench coordinate}, issue 20): how its clock stood against the
 * coordinator's and how far its measured window began from the earliest agent's. The offset comes from an NTP-style
 * exchange on the agent's own connection (several round trips, the one with the smallest round trip kept), so it is
 * known to within half that round trip; the agent's interval timestamps are moved by it before they are merged.
 *
 * @param index         the agent's index, 0 to K-1
 * @param clockOffsetMs the agent's wall clock minus the coordinator's, in ms (µs resolution)
 * @param roundTripMs   the round trip of the exchange the offset was taken from, in ms: the offset's uncertainty is
 *                      half of it
 * @param startSkewMs   how much later than the earliest agent this agent's measured window began, on the
 *                      coordinator's clock (offset-corrected), in ms; null when the agent sent no interval
 */
public record AgentClock(int index, double clockOffsetMs, double roundTripMs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long startSkewMs) {
}
