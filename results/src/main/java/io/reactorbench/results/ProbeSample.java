package io.reactorbench.results;

import java.util.List;

/**
 * One line of {@code server.jsonl}: a sample of the server taken by the runner. Inside fields come from the
 * server's own {@code STATS} answer and are null for {@code external:} designs; outside fields come from
 * {@code /proc/<pid>} and exist for every design.
 *
 * @param label          why the sample was taken: {@code sample} (periodic), {@code window-start},
 *                       {@code window-end}, {@code idle-before}, {@code idle-after}, {@code final}
 * @param atMs           runner's wall clock, ms since the epoch
 * @param timeMs         server's clock at the sample (ms since the epoch)
 * @param cpuNs          process CPU time reported by the server JVM
 * @param allocatedBytes bytes allocated by all threads since JVM start
 * @param pauses         GC pauses since the previous STATS, as [startMs since the epoch, durationMs]
 * @param procCpuNs      utime+stime from {@code /proc/<pid>/stat}
 * @param rssBytes       VmRSS from {@code /proc/<pid>/status}
 * @param anonBytes      {@code Anonymous} of {@code /proc/<pid>/smaps_rollup}: resident private memory the process
 *                       made itself (heap, malloc, thread stacks, code cache), without the file pages (jars, libjvm,
 *                       the CDS archive) that VmRSS also counts as they are touched; null when unreadable
 * @param privateDirtyBytes {@code Private_Dirty} of {@code /proc/<pid>/smaps_rollup}; null when unreadable
 * @param rejectedOnFdLimit connections the server accepted and closed at once since it started because it had run
 *                       out of file descriptors (EMFILE/ENFILE); null when the design does not count them
 */
public record ProbeSample(
        String label,
        long atMs,
        Long timeMs,
        Long cpuNs,
        Long allocatedBytes,
        Long gcCount,
        Double gcPauseTotalMs,
        Double gcPauseMaxMs,
        List<List<Double>> pauses,
        Long heapUsedBytes,
        Long heapAfterGcBytes,
        Integer threads,
        Integer connections,
        Long pid,
        Long procCpuNs,
        Long rssBytes,
        Long anonBytes,
        Long privateDirtyBytes,
        Long rejectedOnFdLimit) {

    public ProbeSample {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    /** A sample without the fd-limit count (as written before it was added). */
    public ProbeSample(String label, long atMs, Long timeMs, Long cpuNs, Long allocatedBytes, Long gcCount,
                       Double gcPauseTotalMs, Double gcPauseMaxMs, List<List<Double>> pauses, Long heapUsedBytes,
                       Long heapAfterGcBytes, Integer threads, Integer connections, Long pid, Long procCpuNs,
                       Long rssBytes, Long anonBytes, Long privateDirtyBytes) {
        this(label, atMs, timeMs, cpuNs, allocatedBytes, gcCount, gcPauseTotalMs, gcPauseMaxMs, pauses, heapUsedBytes,
                heapAfterGcBytes, threads, connections, pid, procCpuNs, rssBytes, anonBytes, privateDirtyBytes, null);
    }

    /** A sample without the {@code smaps_rollup} figures (as written before they were added). */
    public ProbeSample(String label, long atMs, Long timeMs, Long cpuNs, Long allocatedBytes, Long gcCount,
                       Double gcPauseTotalMs, Double gcPauseMaxMs, List<List<Double>> pauses, Long heapUsedBytes,
                       Long heapAfterGcBytes, Integer threads, Integer connections, Long pid, Long procCpuNs,
                       Long rssBytes) {
        this(label, atMs, timeMs, cpuNs, allocatedBytes, gcCount, gcPauseTotalMs, gcPauseMaxMs, pauses, heapUsedBytes,
                heapAfterGcBytes, threads, connections, pid, procCpuNs, rssBytes, null, null, null);
    }
}
