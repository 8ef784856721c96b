package io.reactorbench.scenarios.run;

import io.reactorbench.results.ProbeSample;

/** Completes a server's answer to STATS into the {@link ProbeSample} the runner stores: label, clock, /proc. */
final class ProbeSamples {

    private ProbeSamples() {
    }

    /** {@code answer} is the server's, or null when it gave none (then only the outside fields are known). */
    static ProbeSample of(String label, ProbeSample answer, ProcessHandle process) {
        ProcFs.MemoryRollup rollup = ProcFs.memoryRollup(process);
        return (answer == null ? ProbeSample.unanswered() : answer).seenFromOutside(label, System.currentTimeMillis(),
                process.pid(), ProcFs.cpuNs(process), ProcFs.rssBytes(process),
                rollup == null ? null : rollup.anonBytes(), rollup == null ? null : rollup.privateDirtyBytes());
    }
}
