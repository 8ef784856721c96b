package io.reactorbench.report.read;

import java.util.Map;

/**
 * One benchmark of JMH's {@code -rf json} output. {@code allocBytesPerOp} is {@code gc.alloc.rate.norm}
 * (NaN when the run had no GC profiler).
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score,
                        double scoreError, String scoreUnit, double allocBytesPerOp) {

    public JmhResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params)); // JMH's order
    }
}
