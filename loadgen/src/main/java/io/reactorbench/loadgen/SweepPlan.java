package io.reactorbench.loadgen;

import io.reactorbench.results.sweep.SweepObjective;
import java.util.List;

/**
 * The sweep model's steps ({@link LoadModel#SWEEP}, issue 19 B), validated once here: either a fixed list of rates
 * or a search of the highest rate that meets an objective. Each step runs the load's warm-up and then its measured
 * window at the step's rate, over the connections held throughout.
 *
 * @param ratesPerSec     the rates to run in order, increasing; empty for a search ({@code --find max-rate})
 * @param objective       the limits a step must meet; required for a search, optional for a fixed list
 * @param startRatePerSec a search's first rate
 * @param growth          a search's factor between coarse steps
 * @param resolution      a search ends when the lowest broken rate is within this share above the highest met one
 * @param maxSteps        the most steps a search runs (a fixed list runs its rates)
 * @param maxTimeNs       no step starts that could not end within this time from the first step's start
 */
public record SweepPlan(List<Double> ratesPerSec, SweepObjective objective, double startRatePerSec, double growth,
        double resolution, int maxSteps, long maxTimeNs) {

    public static final double DEFAULT_GROWTH = 2;
    public static final double DEFAULT_RESOLUTION = 0.05;
    /** Enough for ~6 coarse doublings and ~5 halvings of the bracket: a 2,000-fold range to within 5 %. */
    public static final int DEFAULT_MAX_STEPS = 12;
    static final int MAX_RATES = 100;

    public SweepPlan {
        ratesPerSec = List.copyOf(ratesPerSec);
        require(ratesPerSec.size() <= MAX_RATES, "--rates takes at most " + MAX_RATES + " rates");
        double previous = 0;
        for (double rate : ratesPerSec) {
            require(rate > previous, "--rates must be positive and increasing, got " + ratesPerSec);
            previous = rate;
        }
        if (ratesPerSec.isEmpty()) {
            require(objective != null, "--find max-rate needs --slo (e.g. p99=5ms,errors=0.1%)");
            require(startRatePerSec >= RateSearch.MIN_RATE_PER_SEC, "--start-rate must be at least 1 (per second)");
            require(growth > 1, "--growth must be above 1");
            require(resolution > 0 && resolution < 1, "--resolution must be between 0 and 100%");
            require(maxSteps >= 2 && maxSteps <= MAX_RATES, "--max-steps must be 2.." + MAX_RATES);
        }
        require(maxTimeNs > 0, "--max-time must be positive");
    }

    /** Whether this is a search ({@code --find max-rate}) rather than a fixed list. */
    public boolean findsMaxRate() {
        return ratesPerSec.isEmpty();
    }

    /** The most steps this plan runs. */
    public int stepBound() {
        return findsMaxRate() ? maxSteps : ratesPerSec.size();
    }

    /** A fresh search over this plan's rates. */
    public RateSearch search() {
        return findsMaxRate() ? RateSearch.maxRate(startRatePerSec, growth, resolution, maxSteps)
                : RateSearch.fixed(ratesPerSec);
    }

    /** The highest rate a step may offer: the last listed, or what the search's steps can reach by growing. */
    public double peakRatePerSec() {
        return findsMaxRate() ? startRatePerSec * Math.pow(growth, maxSteps - 1) : ratesPerSec.getLast();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
