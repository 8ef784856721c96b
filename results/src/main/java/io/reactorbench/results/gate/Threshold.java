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
 */
public record Threshold(Direction direction, double amount, boolean relative, Double grossLimit) {

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
        double delta = relative ? Math.abs(baseline) * amount : amount;
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

    /** {@code maxRise 10%}, {@code maxDrop 5%}, {@code maxRise 8 B}, {@code maxRise 15% (gross 150%)}. */
    public String describe(QuantityUnit unit) {
        String text = direction.key() + " " + amountText(amount, unit);
        return grossLimit == null ? text : text + " (gross " + amountText(grossLimit, unit) + ")";
    }

    private String amountText(double value, QuantityUnit unit) {
        return relative ? QuantityText.threeDigits(value * 100) + "%" : unit.format(value);
    }
}
