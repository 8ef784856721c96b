package io.reactorbench.results.gate;

/**
 * The policy used when none is given: no errors anywhere, and the usual regressions with thresholds wide enough
 * for a quiet machine (see {@code docs/ci.md}). Server CPU per request is the steadiest number a single trial
 * gives (it does not depend on how busy the load generator's CPU was), so it alone fails a one-trial run, and
 * only on a change far beyond noise (2.5 times the baseline). The check is limited to rpc scenarios, where each
 * request carries real work: in echo, http and idle scenarios a request costs a few µs, so the server's
 * background CPU (JIT, GC, timers) divided by the request count moves it by 2-4 times between two identical
 * one-trial runs of a busy machine (seen: idle on netty-epoll 60 -> 213 µs, http 4.5 -> 1.2 µs). On a shared CI
 * runner prefer a policy of your own with {@code normalizeBy}. Throughput and p99 fail a run of any trial count
 * beyond a gross limit (a drop of 40 %, a rise of 90 %) wider than grossFactor's 2 times, since a one-trial
 * repeat on a busy machine was seen 46 % below its baseline from noise alone, yet narrow enough that a halved
 * throughput or a doubled p99 fails. Allocation per request may rise by 10 % or 64 B, whichever is larger (gross:
 * 40 % or 256 B): the engine allocates ~0 B, where any percentage is noise in the last byte, and Netty's nio
 * transport ~2.5 KB on rpc-blocking, which moved 2,353 -> 2,743 -> 3,167 B between identical one-trial runs (the A/A
 * runs in docs/ci.md), beyond the absolute 128 B gross limit this rule had before. The server-cpu rule is optional
 * because a run without rpc scenarios is no mistake, and allocation because external servers do not measure it.
 *
 * <p>The error budget, {@code errorRate <= 0.1%} of the requests issued: the latency percentiles hold the failed
 * requests (one lost to a timeout at the timeout or later), so once more than 0.1 % of the requests fail, p99.9 can
 * be the failures' and no longer the answered requests', and beyond 1 % p99 is. At or under 0.1 % the p99 and
 * p99.9 the latency rule judges are still set by the server's answers: the gate judges speed only where speed is
 * what was measured. It stands beside {@code no-errors} (which any error already fails here) as the rule a policy
 * keeps when it allows a few errors (a refused connect on a busy machine) but not a failing server; optional
 * because summaries written before the error rate was recorded do not carry it.
 */
public final class DefaultPolicy {

    public static final String SOURCE = "built-in default policy";

    public static final String YAML = """
            schema: reactorbench.gate-policy/1
            alpha: 0.05
            minTrials: 3
            correction: holm
            rules:
              - name: no-errors
                budget: errors == 0
              - name: error-rate
                optional: true
                budget: errorRate <= 0.1%
              - name: throughput
                regression:
                  throughput: {maxDrop: 10%, grossLimit: 40%}
              - name: latency
                regression:
                  p99: {maxRise: 25%, grossLimit: 90%}
              - name: server-cpu
                scenario: "rpc*"
                optional: true
                regression:
                  cpuUsPerRequest: {maxRise: 15%, grossLimit: 150%}
              - name: allocation
                optional: true
                regression:
                  allocatedBytesPerRequest: {maxRise: 10%, atLeast: 64, grossLimit: 40%}
            """;

    private DefaultPolicy() {
    }

    public static Policy policy() {
        return PolicyParser.parse(YAML, SOURCE);
    }
}
