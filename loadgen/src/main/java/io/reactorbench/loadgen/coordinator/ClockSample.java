package io.reactorbench.loadgen.coordinator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One round trip of the clock exchange, NTP's four stamps in epoch µs: the coordinator sent the ping at {@code t1Us}
 * (its clock), the agent received it at {@code t2Us} and answered at {@code t3Us} (the agent's clock), the coordinator
 * received the answer at {@code t4Us}. Assuming the two legs took equally long, the agent's clock is ahead by
 * {@link #offsetUs()}, to within half of {@link #roundTripUs()}; so of several samples the one with the shortest round
 * trip is the one to keep ({@link #best}).
 */
public record ClockSample(long t1Us, long t2Us, long t3Us, long t4Us) {

    /** The agent's clock minus the coordinator's. */
    public long offsetUs() {
        return Math.floorDiv((t2Us - t1Us) + (t3Us - t4Us), 2);
    }

    /** The time on the wire, both ways, without the agent's own time between receiving and answering. */
    public long roundTripUs() {
        return (t4Us - t1Us) - (t3Us - t2Us);
    }

    /** The sample with the shortest round trip (the first of equals). */
    public static ClockSample best(List<ClockSample> samples) {
        return samples.stream().min(Comparator.comparingLong(ClockSample::roundTripUs))
                .orElseThrow(() -> new IllegalArgumentException("no clock sample"));
    }

    /** This machine's wall clock in epoch µs (the resolution {@link Instant} gives here). */
    public static long nowUs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
