package io.reactorbench.results.gate;

/**
 * How much worse a candidate may be than its baseline before a regression rule fails.
 *
 * @param direction      which way is worse
 * @param amount         the allowed change: a fraction when {@code relative} ({@code 0.05} for 5 %), else in the
 *                       metric's unit
 * @param relative       whether {@code amount} is a fraction of the baseline
 * @param fewTrialsLimit a larger change (same kind as {@code amount}) that fails the rule even when there are too
 *                       few trials for the test; null = too few trials is always inconclusive
 */
public record Threshold(Direction direction, double amount, boolean relative, Double fewTrialsLimit) {

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
        if (!(amount >= 0) || fewTrialsLimit != null && !(fewTrialsLimit >= 0)) {
            throw new IllegalArgumentException("a threshold must be zero or positive");
        }
        if (relative && direction == Direction.DROP && (amount >= 1 || fewTrialsLimit != null && fewTrialsLimit >= 1)) {
            throw new IllegalArgumentException("maxDrop must be below 100%");
        }
    }

    /** Signed change from baseline to candidate, in this threshold's kind (fraction or metric unit). */
    public double change(double baseline, double candidate) {
        return relative ? Numbers.relativeChange(baseline, candidate) : candidate - baseline;
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

    /** {@code maxRise 10%}, {@code maxDrop 5%}, {@code maxRise 8 B}, {@code maxRise 15% (150% with few trials)}. */
    public String describe(MetricUnit unit) {
        String text = direction.key() + " " + amountText(amount, unit);
        return fewTrialsLimit == null ? text : text + " (" + amountText(fewTrialsLimit, unit) + " with few trials)";
    }

    private String amountText(double value, MetricUnit unit) {
        return relative ? Numbers.threeDigits(value * 100) + "%" : unit.format(value);
    }
}
