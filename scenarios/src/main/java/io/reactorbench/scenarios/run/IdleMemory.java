package io.reactorbench.scenarios.run;

import io.reactorbench.results.MemoryPerConnection;
import io.reactorbench.results.ProbeSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Memory per idle connection from the settled samples around the connections (see {@link SettledSamples}), with
 * how far the resident figure can be trusted. A pure function of what the cell recorded.
 */
final class IdleMemory {

    private static final long PAGE_BYTES = 4096;

    private IdleMemory() {
    }

    /**
     * Per-connection memory from the settled samples on both sides: heap from the first sample of each side (the
     * one right after the GC), resident memory as the difference of the medians. Its resolution adds up what is
     * known to move the level without connections: the spread of each side's settled samples (plus a page each
     * side, the granularity of resident memory), how far the level drifted afterwards while the same connections
     * stayed open, and a drop between the sides (opening connections cannot free memory, so a drop is churn at
     * least that large). A figure within its resolution is then reported as such, not as a (negative) cost.
     */
    static MemoryPerConnection of(CellMeasurements.Recorded r) {
        List<ProbeSample> beforeSamples = r.idleBefore();
        List<ProbeSample> afterSamples = r.idleAfter();
        if (beforeSamples == null || afterSamples == null || beforeSamples.isEmpty() || afterSamples.isEmpty()) {
            return null;
        }
        ProbeSample before = beforeSamples.getFirst();
        ProbeSample after = afterSamples.getFirst();
        int opened = opened(r, before, after);
        if (opened <= 0) {
            return null;
        }
        Long heapBefore = before.heapAfterGcBytes() != null ? before.heapAfterGcBytes() : before.heapUsedBytes();
        Long heapAfter = after.heapAfterGcBytes() != null ? after.heapAfterGcBytes() : after.heapUsedBytes();
        Double heapPerConnection = heapBefore == null || heapAfter == null ? null
                : (double) (heapAfter - heapBefore) / opened;

        // resident memory is judged on the after samples with the most connections open: others were taken while
        // the server was still accepting, or once the load began closing
        Integer most = afterSamples.stream().map(ProbeSample::connections).filter(Objects::nonNull)
                .max(Integer::compare).orElse(null);
        afterSamples = afterSamples.stream().filter(a -> most == null || most.equals(a.connections())).toList();
        ProbeSample latest = afterSamples.getLast();
        int connections = opened(r, before, latest);
        if (connections <= 0) {
            return new MemoryPerConnection(opened, null, heapPerConnection, null, null, null, null);
        }

        boolean anonymous = all(beforeSamples, ProbeSample::anonBytes) && all(afterSamples, ProbeSample::anonBytes);
        Function<ProbeSample, Long> resident = anonymous ? ProbeSample::anonBytes : ProbeSample::rssBytes;
        Double vmRss = all(beforeSamples, ProbeSample::rssBytes) && all(afterSamples, ProbeSample::rssBytes)
                ? (median(afterSamples, ProbeSample::rssBytes) - median(beforeSamples, ProbeSample::rssBytes))
                        / connections : null;
        if (!all(beforeSamples, resident) || !all(afterSamples, resident)) {
            return new MemoryPerConnection(connections, null, heapPerConnection, null, null, null, vmRss);
        }
        double afterLevel = median(afterSamples, resident);
        double delta = afterLevel - median(beforeSamples, resident);
        double spread = spread(beforeSamples, resident) + spread(afterSamples, resident) + 2 * PAGE_BYTES;
        List<ProbeSample> held = held(r, latest, latest.connections(), resident);
        double drift = held.isEmpty() ? 0 : Math.abs(median(held, resident) - afterLevel);
        double resolution = (spread + drift + Math.max(0, -delta)) / connections;
        double perConnection = delta / connections;
        return new MemoryPerConnection(connections, perConnection, heapPerConnection,
                anonymous ? MemoryPerConnection.SOURCE_ANONYMOUS : MemoryPerConnection.SOURCE_VMRSS, resolution,
                perConnection <= resolution, vmRss);
    }

    /** Connections opened between two samples, by the server's count, else as the scenario asked. */
    private static int opened(CellMeasurements.Recorded r, ProbeSample before, ProbeSample after) {
        return after.connections() != null && after.connections() > 0
                ? after.connections() - (before.connections() == null ? 0 : before.connections())
                : r.scenario().connections();
    }

    /**
     * The periodic samples after the settled "after" side while the same connections were still open: how far
     * the level moves on its own (JIT compiles, arenas freed) when nothing changes in the connections.
     */
    private static List<ProbeSample> held(CellMeasurements.Recorded r, ProbeSample lastAfter, Integer connections,
                                          Function<ProbeSample, Long> resident) {
        List<ProbeSample> held = new ArrayList<>();
        for (ProbeSample sample : r.samples()) {
            boolean later = sample.atMs() > lastAfter.atMs() && sample.atMs() <= r.window().endMs();
            boolean sameConnections = connections == null || connections.equals(sample.connections());
            if (later && "sample".equals(sample.label()) && sameConnections && resident.apply(sample) != null) {
                held.add(sample);
            }
        }
        return held;
    }

    private static boolean all(List<ProbeSample> samples, Function<ProbeSample, Long> field) {
        return samples.stream().allMatch(s -> field.apply(s) != null);
    }

    private static double median(List<ProbeSample> samples, Function<ProbeSample, Long> field) {
        List<Long> values = samples.stream().map(field).sorted().toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
    }

    private static double spread(List<ProbeSample> samples, Function<ProbeSample, Long> field) {
        long min = samples.stream().map(field).mapToLong(Long::longValue).min().orElse(0);
        long max = samples.stream().map(field).mapToLong(Long::longValue).max().orElse(0);
        return max - min;
    }
}
