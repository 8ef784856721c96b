package io.reactorbench.loadgen;

import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.sweep.SweepResult;
import io.reactorbench.results.sweep.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Which rate a sweep runs next, from the results of the steps before (issue 19 B); no I/O and no clock, so that a
 * test drives it with made-up step results. Two kinds:
 * <ul>
 * <li>{@link #fixed}: the listed rates in order ({@code rates: [...]});</li>
 * <li>{@link #maxRate}: {@code find: max-rate}. Coarse steps first, geometric from the start rate (up while steps meet
 * the objective, down while they break it), until one step met it and one above it broke it; then bisection between
 * the highest rate that met it and the lowest that broke it, until they are within the resolution of each other.
 * A step that breaks the objective is run once more at the same rate before the search believes it: a rate counts
 * as broken only when every step at it broke, and as met when one did. One stall (a cold JIT in the first step, a
 * GC, a neighbour's burst on a shared machine) breaks a p99 over a 2 s window, but does not come back in the same
 * place, while a real knee does; a server past its knee cannot meet a latency objective by chance. Measured: before
 * this, three trials of one design on one machine found 2,344/s, 55,000/s and 9,375/s, each low one a first or
 * early step whose generator sent 18-23 ms late (docs/BENCHMARKS.md §9).</li>
 * </ul>
 * Both stop at the step bound. The knee is where the highest met rate lies under the lowest broken one; a search
 * that measured only one side of it says so ({@link #outcome}) and claims no knee.
 */
public final class RateSearch {

    /** Below one request per second a step's window holds too few requests to judge a percentile. */
    static final double MIN_RATE_PER_SEC = 1;

    private record Tried(double ratePerSec, Boolean met) {
    }

    private final List<Double> fixedRates;
    private final double startRatePerSec;
    private final double growth;
    private final double resolution;
    private final int maxSteps;
    private final List<Tried> tried = new ArrayList<>();
    /** Why no further step: null while the search goes on. */
    private String ending;

    private RateSearch(List<Double> fixedRates, double startRatePerSec, double growth, double resolution,
            int maxSteps) {
        this.fixedRates = fixedRates;
        this.startRatePerSec = startRatePerSec;
        this.growth = growth;
        this.resolution = resolution;
        this.maxSteps = maxSteps;
    }

    /** The listed rates, each once, in order. */
    public static RateSearch fixed(List<Double> ratesPerSec) {
        return new RateSearch(List.copyOf(ratesPerSec), 0, 0, 0, ratesPerSec.size());
    }

    /**
     * @param startRatePerSec the first step's rate
     * @param growth          factor between coarse steps (> 1)
     * @param resolution      bisection ends when the lowest broken rate is within this share above the highest met
     * @param maxSteps        the most steps the search runs, coarse and bisection together
     */
    public static RateSearch maxRate(double startRatePerSec, double growth, double resolution, int maxSteps) {
        if (!(startRatePerSec >= MIN_RATE_PER_SEC) || !(growth > 1) || !(resolution > 0) || maxSteps < 1) {
            throw new IllegalArgumentException("a max-rate search needs a start rate >= 1/s, growth > 1,"
                    + " resolution > 0 and at least one step");
        }
        return new RateSearch(null, startRatePerSec, growth, resolution, maxSteps);
    }

    /** The next step's rate, or empty when the search is over ({@link #outcome} says why). */
    public OptionalDouble next() {
        if (ending != null) {
            return OptionalDouble.empty();
        }
        if (tried.size() >= maxSteps) {
            return end(fixedRates != null ? "every listed rate ran" : "the step bound (" + maxSteps + ") was reached");
        }
        if (fixedRates != null) {
            return OptionalDouble.of(fixedRates.get(tried.size()));
        }
        if (tried.isEmpty()) {
            return OptionalDouble.of(startRatePerSec);
        }
        Tried last = tried.getLast();
        if (Boolean.FALSE.equals(last.met) && attemptsAt(last.ratePerSec) == 1) {
            return OptionalDouble.of(last.ratePerSec); // confirm the break before the search turns on it
        }
        Double good = highestMet();
        Double bad = lowestBroken();
        if (bad == null) {
            return OptionalDouble.of(good * growth);
        }
        if (good == null) {
            double lower = bad / growth;
            return lower < MIN_RATE_PER_SEC ? end("no rate down to " + rate(bad) + " met the objective")
                    : OptionalDouble.of(lower);
        }
        if (bad / good - 1 <= resolution) {
            return end(String.format(Locale.ROOT, "bisection reached its resolution (%.0f%%)", resolution * 100));
        }
        return OptionalDouble.of((good + bad) / 2);
    }

    /** The step at {@code ratePerSec} met the objective ({@code met}), or there is none ({@code null}). */
    public void record(double ratePerSec, Boolean met) {
        tried.add(new Tried(ratePerSec, met));
    }

    /** Ends the search before its next step: the sweep's time bound. */
    public void stopForTime() {
        if (ending == null) {
            ending = "the time bound was reached";
        }
    }

    /** The highest rate a step met the objective at, below the lowest that broke it; null when none did. */
    public Double highestMet() {
        Double bad = lowestBroken();
        Double best = null;
        for (Tried t : tried) {
            if (Boolean.TRUE.equals(t.met) && (bad == null || t.ratePerSec < bad)
                    && (best == null || t.ratePerSec > best)) {
                best = t.ratePerSec;
            }
        }
        return best;
    }

    /** The lowest rate at which every step broke the objective; null when none did. */
    public Double lowestBroken() {
        Double worst = null;
        for (Tried t : tried) {
            if (Boolean.FALSE.equals(t.met) && !metAt(t.ratePerSec) && (worst == null || t.ratePerSec < worst)) {
                worst = t.ratePerSec;
            }
        }
        return worst;
    }

    private long attemptsAt(double ratePerSec) {
        return tried.stream().filter(t -> t.ratePerSec == ratePerSec).count();
    }

    private boolean metAt(double ratePerSec) {
        return tried.stream().anyMatch(t -> t.ratePerSec == ratePerSec && Boolean.TRUE.equals(t.met));
    }

    /** Index of the first step run at the {@link #lowestBroken} rate; null when none broke. */
    public Integer brokenByStep() {
        Double bad = lowestBroken();
        for (int i = 0; bad != null && i < tried.size(); i++) {
            if (tried.get(i).ratePerSec == bad && Boolean.FALSE.equals(tried.get(i).met)) {
                return i;
            }
        }
        return null;
    }

    /** Whether both sides of the knee were measured. */
    public boolean kneeFound() {
        return highestMet() != null && lowestBroken() != null;
    }

    /** One sentence: what the sweep found, and why it ended. */
    public String outcome() {
        String why = ending == null ? "it was stopped" : ending;
        if (tried.isEmpty()) {
            return "no step ran (" + why + ")";
        }
        boolean judged = tried.stream().anyMatch(t -> t.met != null);
        if (!judged) {
            return tried.size() + " rates swept, no objective to judge them by (" + why + ")";
        }
        Double good = highestMet();
        Double bad = lowestBroken();
        if (good != null && bad != null) {
            return "sustained " + rate(good) + " within the objective; " + rate(bad) + " broke it (" + why + ")";
        }
        if (good != null) {
            return "no step broke the objective, up to " + rate(good) + ": the knee lies above (" + why + ")";
        }
        return "every step broke the objective, down to " + rate(bad) + " (" + why + ")";
    }

    /** The result of the sweep with {@code steps} as it ran them. */
    public SweepResult result(SweepObjective objective, List<SweepStep> steps) {
        return new SweepResult(fixedRates == null ? SweepResult.FIND_MAX_RATE : null, objective, steps,
                highestMet(), brokenByStep(), kneeFound(), outcome());
    }

    private OptionalDouble end(String why) {
        ending = why;
        return OptionalDouble.empty();
    }

    private static String rate(double perSec) {
        return String.format(Locale.ROOT, "%.0f/s", perSec);
    }
}
