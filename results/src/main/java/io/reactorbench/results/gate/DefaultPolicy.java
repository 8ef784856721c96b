package io.reactorbench.results.gate;

/**
 * The policy used when none is given: no errors anywhere, and the usual regressions with thresholds wide enough
 * for a quiet machine (see {@code docs/ci.md}). Server CPU per request is the steadiest number a single trial
 * gives (it does not depend on how busy the load generator's CPU was), so it alone fails a one-trial run, and
 * only on a change far beyond noise (2.5 times the baseline). On a shared CI runner prefer a policy of your own
 * with {@code normalizeBy}.
 */
public final class DefaultPolicy {

    public static final String SOURCE = "built-in default policy";

    public static final String YAML = """
            schema: reactorbench.gate-policy/1
            alpha: 0.05
            minTrials: 3
            rules:
              - name: no-errors
                budget: errors == 0
              - name: throughput
                regression:
                  throughput: {maxDrop: 10%}
              - name: latency
                regression:
                  p99: {maxRise: 25%}
              - name: server-cpu
                regression:
                  cpuUsPerRequest: {maxRise: 15%, fewTrialsLimit: 150%}
              - name: allocation
                regression:
                  allocatedBytesPerRequest: {maxRise: 64}
            """;

    private DefaultPolicy() {
    }

    public static Policy policy() {
        return PolicyParser.parse(YAML, SOURCE);
    }
}
