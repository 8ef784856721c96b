package io.reactorbench.scenarios.suite;

import io.reactorbench.results.sweep.SweepObjective;
import java.util.List;

/**
 * A rate-sweep scenario's steps (issue 19 B, model {@code sweep}): the scenario's connections open once, then each
 * step offers an open-loop rate for the scenario's warm-up and measured window. Either a fixed list of rates
 * ({@code rates: [...]}) or a search of the highest rate that meets an objective ({@code find: max-rate} with
 * {@code slo}), bounded in steps and time. Runs as one load process (each step's verdict needs the whole load).
 *
 * @param rates           the rates to run, increasing; empty for a search
 * @param objective       {@code slo}: required with {@code find}, optional with {@code rates}; null for none
 * @param startRate       a search's first rate (requests per second)
 * @param growth          a search's factor between coarse steps
 * @param resolution      a search ends when the lowest broken rate is within this share above the highest met
 * @param maxSteps        the most steps a search runs
 * @param maxTimeSeconds  no step starts that could not end within this from the first step's start; 0 for the load
 *                        generator's default, twice the steps' warm-ups and windows
 */
public record RateSteps(List<Double> rates, SweepObjective objective, double startRate, double growth,
                        double resolution, int maxSteps, double maxTimeSeconds) {

    public RateSteps {
        rates = List.copyOf(rates);
    }

    /** Whether the rates are searched ({@code find: max-rate}) rather than listed. */
    public boolean findsMaxRate() {
        return rates.isEmpty();
    }

    /** The most steps the sweep runs. */
    public int stepBound() {
        return findsMaxRate() ? maxSteps : rates.size();
    }

    /** The time bound of a sweep whose steps each take {@code stepSeconds} (warm-up and window). */
    public double boundSeconds(double stepSeconds) {
        return maxTimeSeconds > 0 ? maxTimeSeconds : 2 * stepBound() * stepSeconds;
    }
}
