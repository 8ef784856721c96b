package io.reactorbench.scenarios.run;

import io.reactorbench.results.AllocationCalibration;
import io.reactorbench.results.ProbeSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures what answering one STATS allocates in the server, once the probe is steady: asks for answers back to back
 * until two consecutive differences of the allocation counter agree ({@link AllocationCalibration#agree}), at most
 * {@link AllocationCalibration#MAX_ANSWERS} answers. Right after READY the server JVM may still be starting its JFR
 * stream (the probe's GC pause source) and compiling; that allocation lands between two answers and would be
 * subtracted from every sample of the window as the probe's. It only adds to a difference, so the smaller of the two
 * that agree is the cost; without agreement, the smallest difference seen (marked not steady).
 */
final class ProbeCalibration {

    static final String METHOD = "STATS answers asked back to back on the idle server after READY until two"
            + " consecutive differences of its allocated bytes agreed within " + AllocationCalibration.TOLERANCE_BYTES
            + " B or " + Math.round(AllocationCalibration.TOLERANCE_SHARE * 100) + "% (at most "
            + AllocationCalibration.MAX_ANSWERS + " answers); the smaller of the two, else the smallest seen";

    private ProbeCalibration() {
    }

    /** Calibrates over the samples {@code probe} gives (each one STATS answer); null when they carry no allocation. */
    static AllocationCalibration measure(Supplier<ProbeSample> probe) {
        List<Long> differences = new ArrayList<>();
        ProbeSample previous = probe.get();
        for (int answers = 1; answers < AllocationCalibration.MAX_ANSWERS; answers++) {
            ProbeSample next = probe.get();
            if (previous.allocatedBytes() == null || next.allocatedBytes() == null) {
                return null; // an external design: no allocation to correct
            }
            differences.add(next.allocatedBytes() - previous.allocatedBytes());
            previous = next;
            int n = differences.size();
            if (n >= 2 && AllocationCalibration.agree(differences.get(n - 2), differences.get(n - 1))) {
                return new AllocationCalibration(Math.min(differences.get(n - 2), differences.get(n - 1)),
                        differences, true, METHOD, null, null, null);
            }
        }
        long smallest = differences.stream().mapToLong(Long::longValue).min().orElse(0);
        return new AllocationCalibration(smallest, differences, false, METHOD, null, null, null);
    }
}
