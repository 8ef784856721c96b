package io.reactorbench.loadgen;

import io.reactorbench.results.AgentClock;
import io.reactorbench.results.AgentCoordination;
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
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Merges what several agents measured into one result. Intervals are merged on wall-clock time, not on their
 * position in each log: merged interval {@code k} (per tag) is the sum of every agent's intervals that lie mostly
 * in the {@code k}-th second after the earliest agent's window start, so agents that started a little apart add
 * the histograms of the same seconds. The totals are sums of all intervals (so the merged count is the sum of the
 * agents' counts, whatever the alignment), and percentiles are always read off summed histograms, never averaged.
 */
public final class ShardMerge {

    private static final long SECOND_MS = 1000;

    /**
     * Whole-window histograms by tag ({@link IntervalLogTags}: untagged intervals under its UNTAGGED), and how far
     * apart the agents' measured windows began.
     *
     * @param startSkewMs latest minus earliest of the agents' window starts (their first intervals' start
     *        stamps), in ms; null when fewer than two logs hold an interval
     */
    public record Totals(Map<String, Histogram> byTag, Long startSkewMs) {

        /** The corrected latency of a run of {@code model}; null when the model has none. */
        public Histogram corrected(LoadModel model) {
            if (model == LoadModel.CEILING) {
                return stepsSum(true);
            }
            return model.scheduled() ? byTag.get(IntervalLogTags.UNTAGGED) : null;
        }

        public Histogram uncorrected(LoadModel model) {
            if (model == LoadModel.CEILING) {
                return stepsSum(false);
            }
            String tag = IntervalLogTags.uncorrectedTag(model);
            return byTag.get(tag == null ? IntervalLogTags.UNTAGGED : tag);
        }

        /**
         * How late the agents sent against their schedules, all agents' sends in one histogram; null when the model
         * has no schedule or the logs hold no lateness (logs written before it was logged).
         */
        public Histogram sendLateness(LoadModel model) {
            if (model == LoadModel.CEILING) {
                return byTag.containsKey(IntervalLogTags.stepSendLatenessTag(0))
                        ? stepsSum(IntervalLogTags::stepSendLatenessTag) : null;
            }
            return model.scheduled() ? byTag.get(IntervalLogTags.SEND_LATENESS) : null;
        }

        /** Ceiling: every step's hold together. */
        private Histogram stepsSum(boolean corrected) {
            return stepsSum(i -> IntervalLogTags.stepTag(i, corrected));
        }

        private Histogram stepsSum(java.util.function.IntFunction<String> tagOfStep) {
            Histogram sum = LoadRun.newHistogram();
            for (int i = 0; byTag.containsKey(IntervalLogTags.stepTag(i, true)); i++) {
                Histogram step = byTag.get(tagOfStep.apply(i));
                if (step != null) {
                    sum.add(step);
                }
            }
            return sum;
        }
    }

    private ShardMerge() {
    }

    /** Reads every log, writes the merged intervals to {@code mergedLog} (null: do not write), returns totals. */
    public static Totals mergeLogs(List<Path> logs, Path mergedLog) throws IOException {
        List<Map<String, List<Histogram>>> perLog = new ArrayList<>();
        List<Long> windowStartsMs = new ArrayList<>();
        for (Path log : logs) {
            Map<String, List<Histogram>> byTag = readByTag(log);
            perLog.add(byTag);
            byTag.values().stream().flatMap(List::stream).mapToLong(Histogram::getStartTimeStamp).min()
                    .ifPresent(windowStartsMs::add);
        }
        if (windowStartsMs.isEmpty()) {
            return new Totals(Map.of(), null);
        }
        long baseMs = windowStartsMs.stream().mapToLong(Long::longValue).min().orElseThrow();
        // second of the merged window -> tag -> sum of the agents' intervals that lie mostly in that second
        SortedMap<Long, Map<String, Histogram>> merged = new TreeMap<>();
        Map<String, Histogram> totals = new LinkedHashMap<>();
        for (Map<String, List<Histogram>> log : perLog) {
            for (Map.Entry<String, List<Histogram>> e : log.entrySet()) {
                for (Histogram h : e.getValue()) {
                    Histogram sum = merged.computeIfAbsent(secondOf(h, baseMs), k -> new LinkedHashMap<>())
                            .computeIfAbsent(e.getKey(), tag -> emptyInterval(tag, h));
                    sum.add(h);
                    sum.setStartTimeStamp(Math.min(sum.getStartTimeStamp(), h.getStartTimeStamp()));
                    sum.setEndTimeStamp(Math.max(sum.getEndTimeStamp(), h.getEndTimeStamp()));
                    totals.computeIfAbsent(e.getKey(), tag -> LoadRun.newHistogram()).add(h);
                }
            }
        }
        if (mergedLog != null) {
            writeMerged(merged, baseMs, mergedLog);
        }
        Long skewMs = windowStartsMs.size() < 2 ? null
                : windowStartsMs.stream().mapToLong(Long::longValue).max().orElseThrow() - baseMs;
        return new Totals(totals, skewMs);
    }

    /** The second after {@code baseMs} that holds the middle of {@code h}: the one it mostly covers. */
    static long secondOf(Histogram h, long baseMs) {
        long middleMs = h.getStartTimeStamp() + (h.getEndTimeStamp() - h.getStartTimeStamp()) / 2;
        return Math.floorDiv(middleMs - baseMs, SECOND_MS);
    }

    private static Histogram emptyInterval(String tag, Histogram first) {
        Histogram sum = LoadRun.newHistogram();
        sum.setTag(IntervalLogTags.UNTAGGED.equals(tag) ? null : tag);
        sum.setStartTimeStamp(first.getStartTimeStamp());
        sum.setEndTimeStamp(first.getEndTimeStamp());
        return sum;
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

    private static void writeMerged(SortedMap<Long, Map<String, Histogram>> merged, long startMs, Path file)
            throws IOException {
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        try {
            writer.outputComment("reactorbench load: merged from several agents by adding the histograms of the"
                    + " same wall-clock second; latency in ns");
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputLegend();
            for (Map<String, Histogram> second : merged.values()) {
                second.values().forEach(writer::outputIntervalHistogram);
            }
        } finally {
            writer.close();
        }
    }

    /**
     * One result for the whole load from the agents' results and the merged histograms; {@code coordination} (null
     * unless the agents were coordinated over the network) is recorded as given.
     */
    public static LoadResult mergeResults(LoadSpec whole, List<LoadResult> shards, Totals totals,
            AgentCoordination coordination) {
        double window = 0;
        ErrorCounts errors = ErrorCounts.NONE;
        ErrorCounts failed = ErrorCounts.NONE;
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
            failed = failed.plus(r.failedRequests() == null ? ErrorCounts.NONE : r.failedRequests());
            if (r.connectionsPerSecond() != null) {
                connectionsPerSecond = (connectionsPerSecond == null ? 0 : connectionsPerSecond)
                        + r.connectionsPerSecond();
            }
            for (String e : r.firstErrors()) {
                if (firstErrors.size() < ErrorLog.DESCRIBED) {
                    firstErrors.add("agent " + agentIndex(coordination, i) + ": " + e);
                }
            }
            stoppedEarly |= r.stoppedEarly();
            warmupRequests += r.warmupRequests() == null ? 0 : r.warmupRequests();
        }
        Histogram corrected = totals.corrected(whole.model());
        Histogram uncorrected = totals.uncorrected(whole.model());
        Histogram sendLateness = totals.sendLateness(whole.model());
        if (uncorrected == null) {
            uncorrected = LoadRun.newHistogram();
        }
        // slowread records no latency: its requests are the answers the agents counted. Elsewhere the histograms
        // hold the failed requests too, which the agents counted.
        long requests = slowRead != null ? slowReadAnswers : Math.max(0, uncorrected.getTotalCount() - failed.total());
        return new LoadResult(LoadResult.SCHEMA, LoadResults.params(whole).mergedFrom(shards.size()), window, requests,
                window > 0 ? requests / window : 0, errors,
                new LatencyViews(whole.model().scheduled() && corrected != null
                        ? LatencySummary.of(corrected) : null, LatencySummary.of(uncorrected)),
                connectionsPerSecond, List.copyOf(firstErrors), null, stoppedEarly, shards.size(), cpuSeconds,
                sendLateness == null ? null : LatencySummary.of(sendLateness), slowRead, warmupRequests, LoadResults.rateCheck(whole, window, requests),
                responses, totals.startSkewMs(),
                whole.model() == LoadModel.CEILING ? CeilingMerge.mergeSteps(shards, totals.byTag()) : null,
                failed, LoadResults.errorRate(requests, failed), null, coordination);
    }

    /**
     * The index of the agent whose result is {@code position}-th among the merged ones: the position itself, unless
     * coordinated agents are missing, whose indexes the merged results skip.
     */
    private static int agentIndex(AgentCoordination coordination, int position) {
        if (coordination == null) {
            return position;
        }
        List<Integer> present = coordination.agents().stream().map(AgentClock::index)
                .filter(index -> !coordination.missingAgents().contains(index)).sorted().toList();
        return position < present.size() ? present.get(position) : position;
    }
}
