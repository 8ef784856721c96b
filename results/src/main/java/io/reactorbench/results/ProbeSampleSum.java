package io.reactorbench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * The samples of K server processes that serve one port (SO_REUSEPORT, the runner's {@code processes: K}) as one
 * sample of "the server": what a cell costs is what all of its processes cost. Counters and sizes are summed (CPU,
 * allocation, GC count and pause time, heap, threads, connections, RSS, anonymous and private memory, connections
 * refused at the fd limit), the longest pause is the longest of any, the pause lists are merged in start order, and
 * label, clocks, pid and pause source are the first process's. A field is null when any process left it null: a
 * sum over the processes that answered would read as the whole server's and be too small.
 */
public final class ProbeSampleSum {

    private ProbeSampleSum() {
    }

    /** One sample for all of {@code perProcess} (in process order; one sample is returned as it is). */
    public static ProbeSample of(List<ProbeSample> perProcess) {
        if (perProcess.isEmpty()) {
            throw new IllegalArgumentException("no sample to sum");
        }
        if (perProcess.size() == 1) {
            return perProcess.getFirst();
        }
        ProbeSample first = perProcess.getFirst();
        return new ProbeSample(first.label(), first.atMs(), first.timeMs(),
                combined(perProcess, ProbeSample::cpuNs, Long::sum),
                combined(perProcess, ProbeSample::allocatedBytes, Long::sum),
                combined(perProcess, ProbeSample::gcCount, Long::sum),
                combined(perProcess, ProbeSample::gcPauseTotalMs, Double::sum),
                combined(perProcess, ProbeSample::gcPauseMaxMs, Math::max),
                mergedPauses(perProcess),
                combined(perProcess, ProbeSample::heapUsedBytes, Long::sum),
                heapAfterGc(perProcess),
                combined(perProcess, ProbeSample::threads, Integer::sum),
                combined(perProcess, ProbeSample::connections, Integer::sum),
                first.pid(),
                combined(perProcess, ProbeSample::procCpuNs, Long::sum),
                combined(perProcess, ProbeSample::rssBytes, Long::sum),
                combined(perProcess, ProbeSample::anonBytes, Long::sum),
                combined(perProcess, ProbeSample::privateDirtyBytes, Long::sum),
                combined(perProcess, ProbeSample::rejectedOnFdLimit, Long::sum),
                first.gcPauseSource(), first.gcPauseSourceNote());
    }

    private static <T> T combined(List<ProbeSample> samples, Function<ProbeSample, T> field, BinaryOperator<T> how) {
        T result = null;
        for (ProbeSample sample : samples) {
            T value = field.apply(sample);
            if (value == null) {
                return null;
            }
            result = result == null ? value : how.apply(result, value);
        }
        return result;
    }

    /** Heap after GC is -1 until a process's first GC: the sum is known once every process has collected. */
    private static Long heapAfterGc(List<ProbeSample> samples) {
        Long sum = combined(samples, ProbeSample::heapAfterGcBytes, Long::sum);
        if (sum == null) {
            return null;
        }
        boolean anyBeforeFirstGc = samples.stream().map(ProbeSample::heapAfterGcBytes).anyMatch(bytes -> bytes < 0);
        return anyBeforeFirstGc ? -1L : sum;
    }

    private static List<List<Double>> mergedPauses(List<ProbeSample> samples) {
        List<List<Double>> pauses = new ArrayList<>();
        samples.stream().map(ProbeSample::pauses).filter(Objects::nonNull).forEach(pauses::addAll);
        pauses.sort(Comparator.comparing(pause -> pause.getFirst()));
        return pauses;
    }
}
