package io.reactorbench.scenarios.suite;

/** How swept values are written in variant names ({@code connections=max}, {@code rate=5000}). */
public final class VariantNames {

    private VariantNames() {
    }

    public static String value(String key, Number value) {
        if (key.equals("connections") && value.intValue() == Scenario.MAX_CONNECTIONS) {
            return "max";
        }
        double d = value.doubleValue();
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
