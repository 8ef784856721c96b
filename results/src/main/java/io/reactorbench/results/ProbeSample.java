package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line of {@code server.jsonl}: a sample of the server taken by the runner, and (its inside fields only) the
 * server's answer to {@code STATS} on the probe's control channel: the probe writes this record, the runner reads
 * it, completes it with {@link #seenFromOutside} and stores it. Inside fields are null for {@code external:}
 * designs and servers that do not answer; outside fields come from {@code /proc/<pid>} and exist for every design.
 *
 * @param label          why the sample was taken: {@code sample} (periodic), {@code window-start},
 *                       {@code window-end}, {@code idle-before}, {@code idle-after}, {@code final}; null in the
 *                       server's answer
 * @param atMs           runner's wall clock, ms since the epoch; 0 in the server's answer
 * @param timeMs         server's clock at the sample (ms since the epoch)
 * @param cpuNs          process CPU time reported by the server JVM
 * @param allocatedBytes bytes allocated by all threads since JVM start
 * @param heapAfterGcBytes heap in use after the latest GC; -1 before the first
 * @param pauses         GC pauses since the previous STATS, as [startMs since the epoch, durationMs]
 * @param procCpuNs      utime+stime from {@code /proc/<pid>/stat}
 * @param rssBytes       VmRSS from {@code /proc/<pid>/status}
 * @param anonBytes      {@code Anonymous} of {@code /proc/<pid>/smaps_rollup}: resident private memory the process
 *                       made itself (heap, malloc, thread stacks, code cache), without the file pages (jars, libjvm,
 *                       the CDS archive) that VmRSS also counts as they are touched; null when unreadable
 * @param privateDirtyBytes {@code Private_Dirty} of {@code /proc/<pid>/smaps_rollup}; null when unreadable
 * @param rejectedOnFdLimit connections the server accepted and closed at once since it started because it had run
 *                       out of file descriptors (EMFILE/ENFILE); null when the design does not count them
 * @param gcPauseSource  where {@code pauses} came from: {@code jfr} (nanosecond durations) or {@code notifications}
 *                       (whole milliseconds); null (and not written) without an inside probe
 * @param gcPauseSourceNote why JFR is not the source ("JFR unavailable: ..."); null (and not written) otherwise
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
        Long rejectedOnFdLimit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String gcPauseSource,
        @JsonInclude(JsonInclude.Include.NON_NULL) String gcPauseSourceNote) {

    /** The answer of a server that gave none: every inside field null. */
    private static final ProbeSample UNANSWERED = inside(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public ProbeSample {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    /** A sample without the GC pause source (as written before it was stored). */
    public ProbeSample(String label, long atMs, Long timeMs, Long cpuNs, Long allocatedBytes, Long gcCount,
                       Double gcPauseTotalMs, Double gcPauseMaxMs, List<List<Double>> pauses, Long heapUsedBytes,
                       Long heapAfterGcBytes, Integer threads, Integer connections, Long pid, Long procCpuNs,
                       Long rssBytes, Long anonBytes, Long privateDirtyBytes, Long rejectedOnFdLimit) {
        this(label, atMs, timeMs, cpuNs, allocatedBytes, gcCount, gcPauseTotalMs, gcPauseMaxMs, pauses, heapUsedBytes,
                heapAfterGcBytes, threads, connections, pid, procCpuNs, rssBytes, anonBytes, privateDirtyBytes,
                rejectedOnFdLimit, null, null);
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

    /** The server's answer to STATS: what the server knows of itself, without the runner's label, clock and /proc. */
    public static ProbeSample inside(Long timeMs, Long cpuNs, Long allocatedBytes, Long gcCount, Double gcPauseTotalMs,
                                     Double gcPauseMaxMs, List<List<Double>> pauses, Long heapUsedBytes,
                                     Long heapAfterGcBytes, Integer threads, Integer connections, Long pid,
                                     Long rejectedOnFdLimit, String gcPauseSource, String gcPauseSourceNote) {
        return new ProbeSample(null, 0, timeMs, cpuNs, allocatedBytes, gcCount, gcPauseTotalMs, gcPauseMaxMs, pauses,
                heapUsedBytes, heapAfterGcBytes, threads, connections, pid, null, null, null, null, rejectedOnFdLimit,
                gcPauseSource, gcPauseSourceNote);
    }

    /** The answer of a server that gave none (an {@code external:} design, or one that stopped answering). */
    public static ProbeSample unanswered() {
        return UNANSWERED;
    }

    /**
     * This answer as the runner stores it: labelled, stamped with the runner's clock and completed with what
     * {@code /proc} says of the process; the pid is the process's when the server did not say it.
     */
    public ProbeSample seenFromOutside(String label, long atMs, long processPid, Long procCpuNs, Long rssBytes,
                                       Long anonBytes, Long privateDirtyBytes) {
        return new ProbeSample(label, atMs, timeMs, cpuNs, allocatedBytes, gcCount, gcPauseTotalMs, gcPauseMaxMs,
                pauses, heapUsedBytes, heapAfterGcBytes, threads, connections, pid != null ? pid : processPid,
                procCpuNs, rssBytes, anonBytes, privateDirtyBytes, rejectedOnFdLimit, gcPauseSource, gcPauseSourceNote);
    }
}
