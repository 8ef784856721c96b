package io.reactorbench.results;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Median with min and max over trials: how every number is shown when a cell ran several times. Values not
 * measured are left out; {@code n} counts the values that remained. The one spread of the project: the end-of-run
 * table, the gate's medians and the report's tables and charts all take it from here.
 */
public record Spread(double median, double min, double max, int n) {

    /** No value at all (every field NaN, {@code n} 0): for callers that mark "not measured" with NaN. */
    public static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

    /** Null when no value was measured (null values are left out). */
    public static Spread of(Collection<? extends Number> values) {
        double[] measured = values.stream().filter(Objects::nonNull).mapToDouble(Number::doubleValue).toArray();
        return measured.length == 0 ? null : ofValues(measured);
    }

    /** {@link #NONE} when {@code values} is empty; {@code values} is not changed (a sorted copy is taken). */
    public static Spread ofValues(double[] values) {
        int n = values.length;
        if (n == 0) {
            return NONE;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1], n);
    }

    public boolean isPresent() {
        return n > 0;
    }

    /** Whether {@code value} lies within this spread's min–max (inclusive). */
    public boolean covers(double value) {
        return value >= min && value <= max;
    }
}
