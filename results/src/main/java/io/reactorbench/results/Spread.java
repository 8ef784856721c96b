package io.reactorbench.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Median with min and max over trials: how every number is shown when a cell ran several times.
 * Null values (not measured) are left out; {@code n} counts the values that remained.
 */
public record Spread(double median, double min, double max, int n) {

    /** Null when no value was measured. */
    public static Spread of(Collection<? extends Number> values) {
        List<Double> sorted = new ArrayList<>();
        values.stream().filter(Objects::nonNull).forEach(v -> sorted.add(v.doubleValue()));
        if (sorted.isEmpty()) {
            return null;
        }
        sorted.sort(Double::compare);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.getFirst(), sorted.getLast(), n);
    }
}
