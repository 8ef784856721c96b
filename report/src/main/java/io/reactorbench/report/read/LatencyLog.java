package io.reactorbench.report.read;

import io.reactorbench.results.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A trial's latency.hlog: the intervals (one per second) and their sum. The load generator writes the latency the
 * report shows untagged (corrected where the model measures it) and the uncorrected series of open and idle runs
 * tagged {@code uncorrected}, so only untagged intervals are read; logs written before that tagged the shown
 * series {@code corrected}, which is read instead where present, and logs with neither are read whole.
 */
public record LatencyLog(Histogram total, List<LatencyInterval> intervals) {

    public static final String FILE_NAME = "latency.hlog";
    static final String CORRECTED_TAG = "corrected";

    /** Reads the log in {@code trialDir}; an empty log (or none) gives an empty histogram. */
    public static LatencyLog read(Path trialDir) {
        Path file = trialDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new LatencyLog(new Histogram(3), List.of());
        }
        List<Histogram> all = Results.readLatencyIntervals(file, null);
        boolean anyUntagged = all.stream().anyMatch(h -> h.getTag() == null);
        boolean oldCorrected = !anyUntagged && all.stream().anyMatch(h -> CORRECTED_TAG.equals(h.getTag()));
        Histogram total = new Histogram(3);
        List<LatencyInterval> intervals = new ArrayList<>();
        long firstStartMs = -1;
        for (Histogram h : all) {
            if (anyUntagged && h.getTag() != null || oldCorrected && !CORRECTED_TAG.equals(h.getTag())) {
                continue;
            }
            if (firstStartMs < 0) {
                firstStartMs = h.getStartTimeStamp();
            }
            total.add(h);
            intervals.add(new LatencyInterval((h.getStartTimeStamp() - firstStartMs) / 1000.0,
                    h.getValueAtPercentile(99.0), h.getMaxValue()));
        }
        return new LatencyLog(total, List.copyOf(intervals));
    }

    /** The sum of several trials' logs (a cell's distribution over all its trials). */
    public static Histogram merged(List<Path> trialDirs) {
        Histogram merged = new Histogram(3);
        for (Path dir : trialDirs) {
            merged.add(read(dir).total());
        }
        return merged;
    }
}
