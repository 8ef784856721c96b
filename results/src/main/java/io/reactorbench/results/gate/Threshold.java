package io.reactorbench.results.gate;

import io.reactorbench.results.metric.QuantityText;
import io.reactorbench.results.metric.QuantityUnit;

/**
 * How much worse a candidate may be than its baseline before a regression rule fails.
 *
 * @param direction      which way is worse
 * @param amount         the allowed change: a fraction when {@code relative} ({@code 0.05} for 5 %), else in the
 *                       metric's unit
 * @param relative       whether {@code amount} is a fraction of the baseline
 * @param grossLimit     a larger change (same kind as {@code amount}) that fails the rule whatever the trial count:
 *                       beyond it no noise explains the change, so neither too few trials for the test nor a wide
 *                       spread of trials lets it pass; null = the statistics alone decide
 * @param atLeast        for a relative threshold, the smallest change it allows, in the metric's unit (null = none):
 *                       the allowed change is the larger of {@code amount} times the baseline and this, and the gross
 *                       limit's floor grows with it ({@code atLeast * grossLimit / amount}). It lets one rule judge a
 *                       metric whose size differs by orders between designs: allocation per request is ~0 B on the
 *                       engine, where 10 % of it is noise in the last bit, and ~2.5 KB on netty-nio rpc-blocking,
 *                       where an absolute 128 B is within one-trial noise (docs/ci.md, the A/A runs)
 */
public record Threshold(Direction direction, double amount, boolean relative, Double grossLimit, Double atLeast) {

    /** A policy's {@code grossFactor} when it sets none: the gross limit of a threshold is twice its amount. */
    public static final double DEFAULT_GROSS_FACTOR = 2;

    /** Which way is worse: a rise (latency, CPU, bytes) or a drop (throughput). */
    public enum Direction {
        RISE("maxRise"),
        DROP("maxDrop");

        private final String key;

        Direction(String key) {
            this.key = key;
        }

        /** The policy key: {@code maxRise} or {@code maxDrop}. */
        public String key() {
            return key;
        }
    }

    public Threshold {
        if (!(amount >= 0) || grossLimit != null && !(grossLimit >= 0)) {
            throw new IllegalArgumentException("a threshold must be zero or positive");
        }
        if (relative && direction == Direction.DROP && (amount >= 1 || grossLimit != null && grossLimit >= 1)) {
            throw new IllegalArgumentException("maxDrop must be below 100%");
        }
        if (atLeast != null && (!relative || !(amount > 0) || !(atLeast >= 0))) {
            throw new IllegalArgumentException("atLeast goes with a percentage above 0 (an absolute threshold is its "
                    + "own floor), and must be zero or positive");
        }
    }

    /** Whether the candidate is worse than the baseline by more than this threshold allows. */
    public boolean beyondAllowed(double baseline, double candidate) {
        return beyondBy(baseline, candidate, amount, atLeast);
    }

    /** Whether the candidate is worse than the baseline beyond the gross limit; false when there is none. */
    public boolean beyondGross(double baseline, double candidate) {
        return grossLimit != null && beyondBy(baseline, candidate, grossLimit, grossAtLeast());
    }

    private boolean beyondBy(double baseline, double candidate, double limit, Double floor) {
        if (floor == null) {
            return beyond(change(baseline, candidate), limit);
        }
        double worse = direction == Direction.RISE ? candidate - baseline : baseline - candidate;
        return worse > Math.max(Math.abs(baseline) * limit, floor);
    }

    /** The gross limit's absolute floor: {@code atLeast} scaled as the gross limit scales the amount; null = none. */
    private Double grossAtLeast() {
        return atLeast == null || grossLimit == null ? null : atLeast * grossLimit / amount;
    }

    /** Signed change from baseline to candidate, in this threshold's kind (fraction or metric unit). */
    public double change(double baseline, double candidate) {
        return relative ? Medians.relativeChange(baseline, candidate) : candidate - baseline;
    }

    /** Whether a change is worse than {@code limit} (strictly). */
    public boolean beyond(double change, double limit) {
        return direction == Direction.RISE ? change > limit : change < -limit;
    }

    /** A baseline value moved by the allowed amount: what the candidate is tested against. */
    public double shifted(double baseline) {
        double delta = relative ? Math.max(Math.abs(baseline) * amount, atLeast == null ? 0 : atLeast) : amount;
        return direction == Direction.RISE ? baseline + delta : baseline - delta;
    }

    /**
     * The gross limit a policy's {@code grossFactor} gives a threshold that sets none: {@code factor} times its
     * amount; for a relative drop that would reach 100 % (which no metric can fall beyond), halfway from the
     * amount to 100 % instead.
     */
    public static double grossLimitOf(Direction direction, double amount, boolean relative, double factor) {
        double limit = amount * factor;
        return relative && direction == Direction.DROP && limit >= 1 ? (amount + 1) / 2 : limit;
    }

    /**
     * {@code maxRise 10%}, {@code maxDrop 5%}, {@code maxRise 8 B}, {@code maxRise 15% (gross 150%)},
     * {@code maxRise 10% or 64 B (gross 40% or 256 B)}.
     */
    public String describe(QuantityUnit unit) {
        String text = direction.key() + " " + amountText(amount, unit) + floorText(atLeast, unit);
        return grossLimit == null ? text
                : text + " (gross " + amountText(grossLimit, unit) + floorText(grossAtLeast(), unit) + ")";
    }

    private static String floorText(Double floor, QuantityUnit unit) {
        return floor == null ? "" : " or " + unit.format(floor);
    }

    private String amountText(double value, QuantityUnit unit) {
        return relative ? QuantityText.threeDigits(value * 100) + "%" : unit.format(value);
    }
}
