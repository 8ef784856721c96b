package io.reactorbench.scenarios.run;

import io.reactorbench.results.ProbeSample;
import java.util.List;
import java.util.function.Function;

/**
 * What the server spent between two probe samples, summed over the consecutive pairs of samples between them except
 * the pairs that bracket one of the runner's own GCs: those pairs' CPU (the forced collection's), allocation and time
 * are all left out, so that a rate over the rest ({@code cpuNs / seconds}) is the server's own under the load. A pair
 * brackets a GC when it overlaps the interval the runner recorded around its request (from asking to the last
 * sample it took).
 *
 * @param seconds        time covered by the pairs kept
 * @param cpuNs          server CPU over the pairs kept (the JVM's own, else /proc's utime+stime); null when a sample
 *                       lacks it
 * @param allocatedBytes bytes the server allocated over the pairs kept; null when a sample lacks it
 * @param probeAnswers   STATS answers inside the pairs kept (one per pair: the later sample's)
 * @param pairsLeftOut   pairs that bracketed one of the runner's GCs
 */
record SampleSpans(double seconds, Long cpuNs, Long allocatedBytes, long probeAnswers, int pairsLeftOut) {

    /** The pairs of {@code samples} (in time order) from {@code first} to {@code last}, without the runner's GCs. */
    static SampleSpans between(List<ProbeSample> samples, ProbeSample first, ProbeSample last,
                               List<long[]> ownGcIntervals) {
        Function<ProbeSample, Long> cpu = first.cpuNs() != null && last.cpuNs() != null ? ProbeSample::cpuNs
                : ProbeSample::procCpuNs;
        int from = samples.indexOf(first);
        int to = samples.indexOf(last);
        long spanMs = 0;
        Long cpuNs = 0L;
        Long allocated = 0L;
        long answers = 0;
        int leftOut = 0;
        for (int i = from; i < to; i++) {
            ProbeSample a = samples.get(i);
            ProbeSample b = samples.get(i + 1);
            if (bracketsOwnGc(a, b, ownGcIntervals)) {
                leftOut++;
                continue;
            }
            spanMs += b.atMs() - a.atMs();
            cpuNs = plus(cpuNs, delta(a, b, cpu));
            allocated = plus(allocated, delta(a, b, ProbeSample::allocatedBytes));
            answers++;
        }
        return new SampleSpans(spanMs / 1000.0, cpuNs, allocated, answers, leftOut);
    }

    private static boolean bracketsOwnGc(ProbeSample a, ProbeSample b, List<long[]> intervals) {
        for (long[] interval : intervals) {
            if (a.atMs() < interval[1] && b.atMs() > interval[0]) {
                return true;
            }
        }
        return false;
    }

    /** {@code field} of {@code b} minus that of {@code a}; null when either lacks it. */
    static Long delta(ProbeSample a, ProbeSample b, Function<ProbeSample, Long> field) {
        Long before = field.apply(a);
        Long after = field.apply(b);
        return before == null || after == null ? null : after - before;
    }

    private static Long plus(Long sum, Long delta) {
        return sum == null || delta == null ? null : sum + delta;
    }
}
