package io.reactorbench.scenarios.run;

import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.ceiling.CeilingResult;
import io.reactorbench.results.ceiling.CeilingStepResult;
import io.reactorbench.results.load.CeilingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A ceiling cell's steps for summary.json: load.json's steps (what the load held and measured) joined with what the
 * runner sampled of the servers and the kernel while each step held, as growth over the samples taken before the
 * first connection opened.
 */
final class CeilingSteps {

    /**
     * The servers and the machine at one moment: the servers' probe sample (after a GC, summed over processes) and
     * the machine's slab bytes.
     */
    record MemorySample(ProbeSample server, long slabBytes) {
    }

    private CeilingSteps() {
    }

    /**
     * @param loadSteps   load.json's steps, in order
     * @param before      the servers and the machine before the ramp; null when not sampled
     * @param atHold      per step index, the sample the runner took while it held (absent: none taken)
     * @param samples     every server sample of the cell (their GC pause lists)
     * @param ownGc       the runner's own GC intervals, left out of the pauses
     * @param rampStartMs when the load began (the first step's start)
     */
    static CeilingResult of(List<CeilingStep> loadSteps, MemorySample before, Map<Integer, MemorySample> atHold,
                            List<ProbeSample> samples, List<long[]> ownGc, long rampStartMs) {
        List<CeilingStepResult> steps = new ArrayList<>();
        long highestHeld = 0;
        long stepStartMs = rampStartMs;
        CeilingStep stopped = null;
        for (CeilingStep step : loadSteps) {
            MemorySample at = atHold.get(step.index());
            long held = step.heldConnections();
            long stepEndMs = step.holdEndEpochMs() > 0 ? step.holdEndEpochMs() : lastSampleMs(samples, stepStartMs);
            GcPauses pauses = gcPauses(samples, new MeasuredWindow(stepStartMs, Math.max(stepStartMs, stepEndMs)),
                    ownGc);
            steps.add(new CeilingStepResult(step,
                    at == null ? null : at.server().rssBytes(),
                    at == null ? null : heap(at.server()),
                    at == null || at.slabBytes() < 0 ? null : at.slabBytes(),
                    perConnection(before == null ? null : before.server().rssBytes(),
                            at == null ? null : at.server().rssBytes(), held),
                    perConnection(before == null ? null : heap(before.server()), at == null ? null : heap(at.server()),
                            held),
                    perConnection(before == null || before.slabBytes() < 0 ? null : before.slabBytes(),
                            at == null || at.slabBytes() < 0 ? null : at.slabBytes(), held),
                    pauses, holdCost(samples, step, ProbeSample::procCpuNs, 1e-3),
                    holdCost(samples, step, ProbeSample::allocatedBytes, 1),
                    at == null ? null : step.holdStartEpochMs() <= 0 || at.server().atMs() <= step.holdStartEpochMs(),
                    GeneratorSchedule.of(step.sendLatenessNs(), step.latencyNs())));
            if (step.completed()) {
                highestHeld = Math.max(highestHeld, held);
            } else if (stopped == null) {
                stopped = step;
            }
            stepStartMs = Math.max(stepStartMs, stepEndMs);
        }
        return new CeilingResult(steps, highestHeld, stopped == null ? null : stopped.stoppedBy(),
                stopped == null ? null : stopped.stopDetail());
    }

    /**
     * The servers' GC pauses in one step. From the pause lists when the probe gives them; otherwise (the GC
     * notifications a ceiling cell's servers use, for their small footprint) from the counters, added up over the
     * sampling intervals that end inside the step, except those ending in one of the runner's own GC samples. The
     * max is then the largest interval's pause total: exact when an interval (half a second) held one pause, an upper
     * bound otherwise.
     */
    static GcPauses gcPauses(List<ProbeSample> samples, MeasuredWindow window, List<long[]> ownGc) {
        if (samples.isEmpty() || samples.getFirst().gcCount() == null) {
            return null;
        }
        if (samples.stream().anyMatch(sample -> !sample.pauses().isEmpty())) {
            return CellMeasurements.gcPauses(samples, window, ownGc, samples.getFirst(), samples.getLast());
        }
        long count = 0;
        double total = 0;
        double max = 0;
        for (int i = 1; i < samples.size(); i++) {
            ProbeSample previous = samples.get(i - 1);
            ProbeSample sample = samples.get(i);
            boolean runnersOwn = sample.label() != null && !sample.label().equals("sample")
                    && !sample.label().equals("final");
            if (runnersOwn || !window.contains(sample.atMs()) || previous.gcCount() == null || sample.gcCount() == null
                    || previous.gcPauseTotalMs() == null || sample.gcPauseTotalMs() == null) {
                continue;
            }
            long n = sample.gcCount() - previous.gcCount();
            double ms = sample.gcPauseTotalMs() - previous.gcPauseTotalMs();
            if (n > 0) {
                count += n;
                total += ms;
                max = Math.max(max, ms);
            }
        }
        return new GcPauses(count, total, max, List.of());
    }

    /**
     * A server counter's growth over the hold per hold request, times {@code scale}: from the first to the last
     * sample inside the hold, as a rate over the hold's request rate. Null without two such samples or requests.
     */
    static Double holdCost(List<ProbeSample> samples, CeilingStep step, Function<ProbeSample, Long> counter,
                           double scale) {
        if (step.requests() <= 0 || step.holdEndEpochMs() <= step.holdStartEpochMs()) {
            return null;
        }
        ProbeSample first = null;
        ProbeSample last = null;
        for (ProbeSample sample : samples) {
            if (sample.atMs() >= step.holdStartEpochMs() && sample.atMs() <= step.holdEndEpochMs()
                    && counter.apply(sample) != null) {
                if (first == null) {
                    first = sample;
                }
                last = sample;
            }
        }
        if (first == null || last == first || last.atMs() <= first.atMs()) {
            return null;
        }
        double perSecond = (counter.apply(last) - counter.apply(first)) / ((last.atMs() - first.atMs()) / 1000.0);
        double requestsPerSecond = step.requests() / ((step.holdEndEpochMs() - step.holdStartEpochMs()) / 1000.0);
        return perSecond / requestsPerSecond * scale;
    }

    /** Heap after the runner's GC when the probe says, else heap in use. */
    private static Long heap(ProbeSample sample) {
        return sample.heapAfterGcBytes() != null && sample.heapAfterGcBytes() >= 0 ? sample.heapAfterGcBytes()
                : sample.heapUsedBytes();
    }

    private static Double perConnection(Long before, Long at, long held) {
        if (before == null || at == null || held <= 0) {
            return null;
        }
        return (at - before) / (double) held;
    }

    private static long lastSampleMs(List<ProbeSample> samples, long fallbackMs) {
        return samples.isEmpty() ? fallbackMs : samples.getLast().atMs();
    }
}
