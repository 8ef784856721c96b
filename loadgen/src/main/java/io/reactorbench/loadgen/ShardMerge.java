package io.reactorbench.loadgen;

import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.results.load.Responses;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Merges what several agents measured into one result: interval {@code i} of the merged log is the sum of
 * interval {@code i} of every agent's log (per tag), and the totals are sums of histograms. Percentiles are
 * always read off the summed histogram, never averaged.
 */
public final class ShardMerge {

    /** Whole-window histograms by tag ({@link IntervalLogTags}: untagged intervals under its UNTAGGED). */
    public record Totals(Map<String, Histogram> byTag) {

        /** The corrected latency of a run of {@code model}; null when the model has none. */
        public Histogram corrected(LoadModel model) {
            return model.scheduled() ? byTag.get(IntervalLogTags.UNTAGGED) : null;
        }

        public Histogram uncorrected(LoadModel model) {
            String tag = IntervalLogTags.uncorrectedTag(model);
            return byTag.get(tag == null ? IntervalLogTags.UNTAGGED : tag);
        }
    }

    private ShardMerge() {
    }

    /** Reads every log, writes the merged intervals to {@code mergedLog} (null: do not write), returns totals. */
    public static Totals mergeLogs(List<Path> logs, Path mergedLog) throws IOException {
        List<Map<String, List<Histogram>>> perLog = new ArrayList<>();
        for (Path log : logs) {
            perLog.add(readByTag(log));
        }
        Map<String, List<Histogram>> merged = new LinkedHashMap<>();
        for (Map<String, List<Histogram>> log : perLog) {
            for (Map.Entry<String, List<Histogram>> e : log.entrySet()) {
                List<Histogram> target = merged.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                List<Histogram> intervals = e.getValue();
                for (int i = 0; i < intervals.size(); i++) {
                    Histogram h = intervals.get(i);
                    if (i == target.size()) {
                        Histogram sum = LoadRun.newHistogram();
                        sum.setTag(e.getKey());
                        sum.setStartTimeStamp(h.getStartTimeStamp());
                        sum.setEndTimeStamp(h.getEndTimeStamp());
                        target.add(sum);
                    }
                    Histogram sum = target.get(i);
                    sum.add(h);
                    sum.setStartTimeStamp(Math.min(sum.getStartTimeStamp(), h.getStartTimeStamp()));
                    sum.setEndTimeStamp(Math.max(sum.getEndTimeStamp(), h.getEndTimeStamp()));
                }
            }
        }
        if (mergedLog != null) {
            writeMerged(merged, mergedLog);
        }
        Map<String, Histogram> totals = new LinkedHashMap<>();
        merged.forEach((tag, intervals) -> {
            Histogram total = LoadRun.newHistogram();
            intervals.forEach(total::add);
            totals.put(tag, total);
        });
        return new Totals(totals);
    }

    /** Intervals of one log by tag, in file order (untagged ones under {@link IntervalLogTags#UNTAGGED}). */
    static Map<String, List<Histogram>> readByTag(Path log) throws IOException {
        Map<String, List<Histogram>> byTag = new LinkedHashMap<>();
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(log.toFile());
        } catch (FileNotFoundException e) {
            throw new IOException("interval log not found: " + log, e);
        }
        try {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (!(next instanceof Histogram h)) {
                    throw new IOException(log + ": interval is not an integer histogram");
                }
                String tag = h.getTag() == null ? IntervalLogTags.UNTAGGED : h.getTag();
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(h);
            }
        } finally {
            reader.close();
        }
        return byTag;
    }

    private static void writeMerged(Map<String, List<Histogram>> merged, Path file) throws IOException {
        long startMs = Long.MAX_VALUE;
        int intervals = 0;
        for (List<Histogram> list : merged.values()) {
            intervals = Math.max(intervals, list.size());
            for (Histogram h : list) {
                startMs = Math.min(startMs, h.getStartTimeStamp());
            }
        }
        if (startMs == Long.MAX_VALUE) {
            startMs = System.currentTimeMillis();
        }
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        try {
            writer.outputComment("reactorbench load: merged from several agents by adding histograms; latency in ns");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputLegend();
            for (int i = 0; i < intervals; i++) {
                for (List<Histogram> list : merged.values()) {
                    if (i < list.size()) {
                        writer.outputIntervalHistogram(list.get(i));
                    }
                }
            }
        } finally {
            writer.close();
        }
    }

    /** The agent whose schedule ran latest (by p99) speaks for all: lateness is a health check, not a sum. */
    private static LatencySummary worstLateness(List<LoadResult> shards) {
        LatencySummary worst = null;
        for (LoadResult r : shards) {
            LatencySummary l = r.sendLatenessNs();
            if (l != null && (worst == null || l.p99() > worst.p99())) {
                worst = l;
            }
        }
        return worst;
    }

    /** One result for the whole load from the agents' results and the merged histograms. */
    public static LoadResult mergeResults(LoadSpec whole, List<LoadResult> shards, Totals totals) {
        double window = 0;
        ErrorCounts errors = ErrorCounts.NONE;
        Double connectionsPerSecond = null;
        List<String> firstErrors = new ArrayList<>();
        boolean stoppedEarly = false;
        Double cpuSeconds = 0.0;
        LoadResult.SlowRead slowRead = null;
        long slowReadAnswers = 0;
        long warmupRequests = 0;
        Responses responses = null;
        for (int i = 0; i < shards.size(); i++) {
            LoadResult r = shards.get(i);
            if (r.responses() != null) {
                responses = responses == null ? r.responses() : responses.plus(r.responses());
            }
            if (r.slowRead() != null) {
                slowRead = slowRead == null ? r.slowRead() : slowRead.plus(r.slowRead());
                slowReadAnswers += r.requests();
            }
            cpuSeconds = cpuSeconds == null || r.clientCpuSeconds() == null ? null : cpuSeconds + r.clientCpuSeconds();
            window = Math.max(window, r.windowSeconds());
            errors = errors.plus(r.errors());
            if (r.connectionsPerSecond() != null) {
                connectionsPerSecond = (connectionsPerSecond == null ? 0 : connectionsPerSecond)
                        + r.connectionsPerSecond();
            }
            for (String e : r.firstErrors()) {
                if (firstErrors.size() < ErrorLog.DESCRIBED) {
                    firstErrors.add("agent " + i + ": " + e);
                }
            }
            stoppedEarly |= r.stoppedEarly();
            warmupRequests += r.warmupRequests() == null ? 0 : r.warmupRequests();
        }
        Histogram corrected = totals.corrected(whole.model());
        Histogram uncorrected = totals.uncorrected(whole.model());
        if (uncorrected == null) {
            uncorrected = LoadRun.newHistogram();
        }
        // slowread records no latency: its requests are the answers the agents counted.
        long requests = slowRead != null ? slowReadAnswers : uncorrected.getTotalCount();
        return new LoadResult(LoadResult.SCHEMA, LoadResults.params(whole).mergedFrom(shards.size()), window, requests,
                window > 0 ? requests / window : 0, errors,
                new LatencyViews(whole.model().scheduled() && corrected != null
                        ? LatencySummary.of(corrected) : null, LatencySummary.of(uncorrected)),
                connectionsPerSecond, List.copyOf(firstErrors), null, stoppedEarly, shards.size(), cpuSeconds,
                worstLateness(shards), slowRead, warmupRequests, LoadResults.rateCheck(whole, window, requests),
                responses);
    }
}
