package io.reactorbench.report.table;

import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.Spread;
import java.util.List;
import java.util.Optional;

/**
 * A design's rate-sweep trials, reduced to what the report draws: the median of their sustained rates, and the one
 * trial whose steps stand for the design (a search's steps differ from trial to trial and cannot be averaged: the
 * trial with the median sustained rate, as {@link CeilingTrials} picks a ramp).
 */
public final class SweepTrials {

    private SweepTrials() {
    }

    /** The sustained rate over the successful trials that found one. */
    public static Spread sustainedRate(List<TrialResult> trials) {
        return Spread.ofValues(measured(trials).stream().filter(t -> t.sweep().sustainedRatePerSec() != null)
                .mapToDouble(t -> t.sweep().sustainedRatePerSec()).toArray());
    }

    /** The successful trial with the median sustained rate (0 for none found); empty when none has steps. */
    public static Optional<TrialResult> representative(List<TrialResult> trials) {
        return CeilingTrials.medianCeiling(measured(trials), SweepTrials::sustainedOrZero, TrialResult::trial);
    }

    private static long sustainedOrZero(TrialResult trial) {
        Double rate = trial.sweep().sustainedRatePerSec();
        return rate == null ? 0 : Math.round(rate);
    }

    private static List<TrialResult> measured(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::ok).filter(t -> t.sweep() != null && !t.sweep().steps().isEmpty())
                .toList();
    }
}
