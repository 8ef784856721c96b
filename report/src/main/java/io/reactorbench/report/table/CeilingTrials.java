package io.reactorbench.report.table;

import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.Spread;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A design's connection-ceiling trials, reduced to what the report draws: the median of the connections they held,
 * and the one trial whose steps stand for the design. Steps cannot be averaged across trials (a ramp that stopped
 * earlier has fewer), so the tables and line charts show the trial whose ceiling is the median one.
 */
public final class CeilingTrials {

    private CeilingTrials() {
    }

    /** Connections held at the highest completed step, over the successful trials with a ramp. */
    public static Spread highestHeld(List<TrialResult> trials) {
        return Spread.ofValues(measured(trials).stream().mapToDouble(t -> t.ceiling().highestHeld()).toArray());
    }

    /** The successful trial with the median ceiling ({@link #medianCeiling}); empty when none has a ramp to show. */
    public static Optional<TrialResult> representative(List<TrialResult> trials) {
        return medianCeiling(measured(trials), t -> t.ceiling().highestHeld(), TrialResult::trial);
    }

    /**
     * Of {@code trials} (each with a ramp), the one whose ceiling is the median: the lower middle one of an even count,
     * so the steps shown never claim more than half the trials held; ties go to the earlier trial. Shared with the
     * console, which picks among summaries.
     */
    public static <T> Optional<T> medianCeiling(List<T> trials, ToLongFunction<T> highestHeld, ToIntFunction<T> trial) {
        List<T> sorted = trials.stream()
                .sorted(Comparator.comparingLong(highestHeld).thenComparingInt(trial))
                .toList();
        return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get((sorted.size() - 1) / 2));
    }

    private static List<TrialResult> measured(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::ok).filter(t -> t.ceiling() != null).toList();
    }
}
