package io.reactorbench.loadgen;

import io.reactorbench.wire.units.Durations;
import io.reactorbench.wire.units.Quantities;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An open-loop rate that changes over the run (k6's ramping arrival rate): from {@code startPerSec}, each stage
 * ramps the total rate linearly to its target over its duration; after the last stage the last target holds.
 * Time 0 is the start of the run (the warm-up's start). {@link #timeOfEventNs} places event {@code x} where the
 * rate's integral reaches {@code x}, so the schedule needs no per-event state, as with a constant rate.
 *
 * @param startPerSec total rate at time 0
 * @param stages the ramps, in order
 */
public record RateStages(double startPerSec, List<Stage> stages) {

    /** Bounds a typo cannot exceed: a day of stages, 100 of them, a rate no loopback can carry. */
    static final int MAX_STAGES = 100;
    static final long MAX_TOTAL_NS = TimeUnit.DAYS.toNanos(1);
    static final double MAX_RATE_PER_SEC = 1e9;

    /** Ramp to {@code targetPerSec} over {@code durationNs}. */
    public record Stage(long durationNs, double targetPerSec) {
    }

    public RateStages {
        stages = List.copyOf(stages);
        require(!stages.isEmpty() && stages.size() <= MAX_STAGES, "--stages needs 1.." + MAX_STAGES + " stages");
        require(startPerSec >= 0 && startPerSec <= MAX_RATE_PER_SEC, "--stages: the start rate must be 0.."
                + (long) MAX_RATE_PER_SEC);
        long totalNs = 0;
        double peak = startPerSec;
        for (Stage s : stages) {
            require(s.durationNs() > 0, "--stages: every stage needs a positive duration");
            require(s.targetPerSec() >= 0 && s.targetPerSec() <= MAX_RATE_PER_SEC,
                    "--stages: rates must be 0.." + (long) MAX_RATE_PER_SEC);
            totalNs += s.durationNs();
            require(totalNs <= MAX_TOTAL_NS, "--stages may last at most a day");
            peak = Math.max(peak, s.targetPerSec());
        }
        require(peak > 0, "--stages: some rate must be > 0");
    }

    /** A constant rate, the schedule of a run without stages. */
    public static RateStages constant(double ratePerSec) {
        return new RateStages(ratePerSec, List.of(new Stage(MAX_TOTAL_NS, ratePerSec)));
    }

    /** Parses {@code 10s:1000,30s:5000} (durations and rates in the shared units: {@code 1m:20k}). */
    public static RateStages parse(String text, double startPerSec) {
        List<Stage> stages = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] durationRate = part.strip().split(":");
            if (durationRate.length != 2) {
                throw new IllegalArgumentException("bad --stages '" + text + "' (expected DURATION:RATE[,…], e.g."
                        + " 10s:1000,30s:5000)");
            }
            stages.add(new Stage(Durations.parseNs(durationRate[0]), Quantities.parseCount(durationRate[1])));
        }
        return new RateStages(startPerSec, stages);
    }

    public long totalNs() {
        long total = 0;
        for (Stage s : stages) {
            total += s.durationNs();
        }
        return total;
    }

    public double peakPerSec() {
        double peak = startPerSec;
        for (Stage s : stages) {
            peak = Math.max(peak, s.targetPerSec());
        }
        return peak;
    }

    /** The same shape at {@code fraction} of the rate (one agent's share). */
    public RateStages scaled(double fraction) {
        return new RateStages(startPerSec * fraction,
                stages.stream().map(s -> new Stage(s.durationNs(), s.targetPerSec() * fraction)).toList());
    }

    /** Events (requests) due from time 0 to {@code tNs}: the integral of the rate. */
    public double eventsUntil(long tNs) {
        double events = 0;
        double fromRate = startPerSec;
        long stageStartNs = 0;
        for (Stage s : stages) {
            double seconds = Math.min(Math.max(tNs - stageStartNs, 0), s.durationNs()) / 1e9;
            double slope = (s.targetPerSec() - fromRate) / (s.durationNs() / 1e9);
            events += fromRate * seconds + slope * seconds * seconds / 2;
            fromRate = s.targetPerSec();
            stageStartNs += s.durationNs();
        }
        return events + fromRate * Math.max(tNs - stageStartNs, 0) / 1e9;
    }

    /**
     * When event {@code x} is due, in ns from time 0 (the inverse of {@link #eventsUntil}); {@code Long.MAX_VALUE}
     * when the rate ends at 0 before reaching it.
     */
    public long timeOfEventNs(double x) {
        double before = 0;
        double fromRate = startPerSec;
        long stageStartNs = 0;
        for (Stage s : stages) {
            double seconds = s.durationNs() / 1e9;
            double inStage = (fromRate + s.targetPerSec()) / 2 * seconds;
            if (x <= before + inStage) {
                double n = x - before;
                double a = (s.targetPerSec() - fromRate) / seconds / 2;
                // Root of a·t² + r0·t − n = 0 in the form that stays exact when a is 0 or tiny.
                double root = Math.sqrt(Math.max(0, fromRate * fromRate + 4 * a * n));
                double t = fromRate + root == 0 ? 0 : 2 * n / (fromRate + root);
                return stageStartNs + Math.round(t * 1e9);
            }
            before += inStage;
            fromRate = s.targetPerSec();
            stageStartNs += s.durationNs();
        }
        if (fromRate == 0) {
            return Long.MAX_VALUE;
        }
        return stageStartNs + Math.round((x - before) / fromRate * 1e9);
    }

    /** As written on the command line, for the JSON's params. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Stage s : stages) {
            text.append(text.isEmpty() ? "" : ",").append(Durations.toSeconds(s.durationNs())).append("s:")
                    .append(s.targetPerSec() == Math.rint(s.targetPerSec()) ? Long.toString((long) s.targetPerSec())
                            : Double.toString(s.targetPerSec()));
        }
        return text.toString();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
