package io.reactorbench.results.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How the gate keeps the chance of a false alarm across all the regression checks of one evaluation (the
 * family-wise error rate) at {@code alpha}, rather than per check: a policy of 4 metrics over 12 cells is 48
 * tests, and at {@code alpha} each the chance that some check fires on unchanged code grows with their number.
 *
 * <p>Holm–Bonferroni, because it holds for any dependence between the checks (the p99 and the throughput of one
 * cell move together; Hochberg's and Hommel's sharper step-up procedures need a positive dependence that nothing
 * here guarantees), needs no model of that dependence, and is never less powerful than plain
 * Bonferroni. The exact Mann–Whitney p-values are discrete, so Holm is conservative here: the family-wise rate
 * stays below {@code alpha}, not at it.
 */
public enum Correction {
    /** Each check at {@code alpha} on its own: the gate before issue 19. */
    NONE("none"),
    /**
     * Step-down: sort the p-values, test the i-th smallest of k at {@code alpha / (k - i + 1)}, and stop at the
     * first that fails its level; it and every larger p-value are not significant.
     */
    HOLM("holm");

    private final String policyName;

    Correction(String policyName) {
        this.policyName = policyName;
    }

    /** As written in a policy's {@code correction:}. */
    public String policyName() {
        return policyName;
    }

    /** The correction named {@code name} in a policy; the message lists the names there are. */
    public static Correction byPolicyName(String name) {
        for (Correction correction : values()) {
            if (correction.policyName.equals(name)) {
                return correction;
            }
        }
        throw new IllegalArgumentException("unknown correction '" + name + "': use "
                + Arrays.stream(values()).map(c -> "'" + c.policyName + "'").collect(Collectors.joining(" or ")));
    }

    /** The level the {@code rank}-th smallest of {@code familySize} p-values is tested at. */
    public double level(double alpha, int rank, int familySize) {
        return this == HOLM ? alpha / (familySize - rank + 1) : alpha;
    }

    /**
     * Corrects one evaluation's p-values together, and answers in the order given. Adjusted p-values are Holm's:
     * the running maximum of {@code (k - j + 1) p(j)} over the ranks up to this one, capped at 1, so that a check
     * is significant exactly when its adjusted p-value is at most {@code alpha}.
     */
    public List<CorrectedPValue> apply(double[] pValues, double alpha) {
        int k = pValues.length;
        Integer[] byP = IntStream.range(0, k).boxed().sorted(Comparator.comparingDouble(i -> pValues[i]))
                .toArray(Integer[]::new);
        CorrectedPValue[] corrected = new CorrectedPValue[k];
        boolean stepping = true;
        double adjusted = 0;
        for (int i = 0; i < k; i++) {
            int rank = i + 1;
            double p = pValues[byP[i]];
            double level = level(alpha, rank, k);
            // Holm stops at the first p-value above its level: every larger one stays, whatever its own level.
            stepping = stepping && p <= level;
            adjusted = this == HOLM ? Math.max(adjusted, Math.min(1, (k - rank + 1) * p)) : p;
            corrected[byP[i]] = new CorrectedPValue(this, alpha, k, rank, p, adjusted, this == HOLM ? stepping : p <= alpha);
        }
        return new ArrayList<>(Arrays.asList(corrected));
    }
}
