package io.reactorbench.results.ceiling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.reactorbench.results.GcPauses;
import io.reactorbench.results.GeneratorSchedule;
import io.reactorbench.results.load.CeilingStep;

/**
 * One step of a connection-ceiling cell in {@code summary.json} (issue 18): the load generator's step as load.json
 * has it ({@link CeilingStep}, its fields written inline), and what it cost the server and the kernel, sampled after
 * a GC while the step held. Memory per connection is the growth since the samples taken before any connection
 * opened, divided by the connections held; kernel memory is the machine's slab growth, so it is per loopback
 * connection PAIR (the client's socket and the server's).
 *
 * @param load                   what the load held and measured at this step, merged over its agents (its failed
 *                               requests and error rate among them)
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
 * @param generatorSchedule      the verdict on the hold's send lateness ({@code sendLatenessNs} above, from load.json)
 *                               against the step's corrected p99: whether the load generator fell behind (the step's
 *                               latency then holds its delay); null (not written) when the load did not record it
 */
public record CeilingStepResult(
        @JsonUnwrapped CeilingStep load,
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
        @JsonInclude(JsonInclude.Include.NON_NULL) GeneratorSchedule generatorSchedule) {

    public boolean completed() {
        return load.completed();
    }
}
