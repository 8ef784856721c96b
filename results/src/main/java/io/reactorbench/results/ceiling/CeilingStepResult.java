package io.reactorbench.results.ceiling;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.load.CeilingStop;

/**
 * One step of a connection-ceiling cell in {@code summary.json} (issue 18): what the load generator held and
 * measured at that step, and what it cost the server and the kernel, sampled after a GC while the step held.
 * Memory per connection is the growth since the samples taken before any connection opened, divided by the
 * connections held; kernel memory is the machine's slab growth, so it is per loopback connection PAIR (the
 * client's socket and the server's).
 *
 * @param index                  0-based step number
 * @param targetConnections      connections the step asked for
 * @param held                   connections open at the end of the step
 * @param verified               connections that completed an echo round trip during the step
 * @param connectRatePerSec      new connections per second achieved while opening this step's connections
 * @param requests               active (open-loop) requests completed during the hold
 * @param errors                 errors during the step, by kind
 * @param latencyNs              corrected latency of the hold's active requests, failed ones included
 * @param serverRssBytes         resident memory of all server processes together at the step's sample
 * @param serverHeapBytes        heap in use after the runner's GC, all server processes together
 * @param kernelSlabBytes        the machine's slab memory ({@code /proc/meminfo} Slab) at the step's sample
 * @param rssPerConnectionBytes  server RSS growth since before the ramp / held; null without a baseline
 * @param heapPerConnectionBytes server heap growth since before the ramp / held
 * @param kernelPerConnectionBytes slab growth since before the ramp / held (per connection pair)
 * @param gcPauses               server GC pauses between the step's start and end, the runner's own GCs excluded
 * @param cpuUsPerRequest        servers' CPU (all processes, from /proc) during the hold per hold request: what the
 *                               active requests cost with all the step's connections held (their idle cost included);
 *                               null without two samples inside the hold
 * @param allocatedBytesPerRequest servers' allocation during the hold per hold request (inside probe); null without
 * @param memorySampledBeforeHold whether the runner's GC and memory sample ended before the hold began (the latest
 *                               agent's start); false: the GC may have paused some of the hold's requests; null
 *                               when no sample was taken
 * @param stoppedBy              why the ramp ended at this step; null when it completed
 * @param errorRate              failed / (answered + failed) hold requests: the share of {@code latencyNs} that are
 *                               failures; null (not written) when load.json's step did not record it
 * @param generatorSchedule      how late the load generator sent the hold's requests against their schedule and
 *                               whether it fell behind (the step's latency then holds its delay); null (not written)
 *                               when the load did not record it
 */
public record CeilingStepResult(
        int index,
        long targetConnections,
        long held,
        long verified,
        Double connectRatePerSec,
        long requests,
        ErrorCounts errors,
        LatencySummary latencyNs,
        Long serverRssBytes,
        Long serverHeapBytes,
        Long kernelSlabBytes,
        Double rssPerConnectionBytes,
        Double heapPerConnectionBytes,
        Double kernelPerConnectionBytes,
        GcPauses gcPauses,
        Double cpuUsPerRequest,
        Double allocatedBytesPerRequest,
        Boolean memorySampledBeforeHold,
        CeilingStop stoppedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double errorRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) GeneratorSchedule generatorSchedule) {

    public boolean completed() {
        return stoppedBy == null;
    }
}
