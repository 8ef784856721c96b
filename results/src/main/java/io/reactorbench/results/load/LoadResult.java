package io.reactorbench.results.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reactorbench.results.AgentCoordination;
import io.reactorbench.results.ErrorCounts;
import io.reactorbench.results.LatencySummary;
import io.reactorbench.results.LatencyViews;
import io.reactorbench.results.SchemaVersions;
import io.reactorbench.results.sweep.SweepResult;
import java.util.List;

/**
 * What one load run measured, as data: {@code load.json} (schema {@value #SCHEMA}). The load generator builds and
 * writes it ({@code --json}, or returned by {@code LoadRun.execute()} in the same process); the suite runner reads
 * it back typed ({@link LoadJson#read}) into the cell's summary.json, whose field names these follow (the shared
 * ones are the same records: {@link ErrorCounts}, {@link LatencyViews}). Counts cover the measured window only
 * (after warm-up). Components are written in declaration order, so reordering them changes the file.
 *
 * @param schema {@value #SCHEMA}
 * @param params what was asked for
 * @param windowSeconds length of the measured window (shorter than asked when stopped early)
 * @param requests requests answered in the window (failed ones are in {@code failedRequests}, not here)
 * @param throughput requests per second in the window
 * @param errors errors in the window, by kind
 * @param latencyNs corrected (from the intended send time; null in closed loop and churn) and uncorrected
 *        (from the actual send), of every request issued in the window: the answered ones and the failed ones,
 *        each failed request timed to the moment it failed (one lost to a timeout at least the timeout)
 * @param connectionsPerSecond churn: connections opened, used once and closed per second; null otherwise
 * @param firstErrors the first few errors, described (any time in the run, warm-up included)
 * @param memory heap per connection, when asked for with --report-memory; null otherwise
 * @param stoppedEarly true when Ctrl-C or SIGTERM ended the run before its duration
 * @param shards processes whose results were merged into this one (1 for a single process)
 * @param clientCpuSeconds CPU time the load generator's process(es) used during the window (all threads: workers,
 *        reporter, JIT, GC); {@code requests / clientCpuSeconds} is requests per load-generator CPU second
 * @param sendLatenessNs open, idle and ceiling models: how late the generator handled its send schedule in the
 *        measured window (ceiling: the holds), merged over workers and agents from their histograms; when its p99
 *        is above {@link io.reactorbench.results.GeneratorSchedule}'s bound the generator fell behind, and the
 *        corrected latencies include its delays. Null for closed loop, churn and slowread.
 * @param slowRead slowread model: bytes, send stalls and the in-flight cap; null for the other models (whose
 *        latencies are what matters; in slowread no latency is recorded, {@code requests} counts answers read)
 * @param warmupRequests requests answered during the warm-up, which the window excludes (0 without warm-up)
 * @param rateCheck open model: whether the run answered the rate it was asked for; null for the other models
 * @param responses bytes read in the window and, for http, answers by status code (null in results written
 *        before it existed)
 * @param agentStartSkewMs merged results of several agents ({@code load --agents K}): the spread, in ms, of the
 *        wall-clock instants at which the agents' measured windows began (latest minus earliest; ms resolution,
 *        as the interval logs stamp them); absent for one process and in results written before it existed
 * @param steps ceiling model: the steps of the ramp, up to and including the one it stopped at (its
 *        {@link CeilingStep#stoppedBy()} says why); absent for the other models and in results written before it
 *        existed. The window, requests and latency above then cover the steps' holds together.
 * @param failedRequests requests of the window that were lost (no answer within the timeout, the connection reset
 *        or closed under them, a wrong answer), by the kind of error that lost them: every request in flight on a
 *        connection that failed counts, not one per error ({@code connect} stays 0: an unopened connection carried
 *        no request). They are in {@code latencyNs}. Absent in results written before it existed.
 * @param errorRate {@code failedRequests.total / (requests + failedRequests.total)}, 0 when nothing failed: the
 *        share of the issued requests that {@code latencyNs} holds as failures. Absent where failedRequests is.
 * @param sweep sweep model (issue 19 B): every step's offered and achieved rate, latency and errors, the objective
 *        and what it found; absent for the other models. The window, requests and latency above then cover the
 *        steps' measured windows together.
 * @param coordination merged results of a coordinated load ({@code reactorbench coordinate}, issue 20): each
 *        agent's clock offset, round trip and start skew, and the agents missing from the result (then it is
 *        incomplete); absent for every other result
 */
public record LoadResult(String schema, Params params, double windowSeconds, long requests, double throughput,
        ErrorCounts errors, LatencyViews latencyNs, Double connectionsPerSecond, List<String> firstErrors,
        Memory memory, boolean stoppedEarly, int shards, Double clientCpuSeconds, LatencySummary sendLatenessNs,
        SlowRead slowRead, Long warmupRequests, RateCheck rateCheck, Responses responses,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long agentStartSkewMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CeilingStep> steps,
        @JsonInclude(JsonInclude.Include.NON_NULL) ErrorCounts failedRequests,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double errorRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) SweepResult sweep,
        @JsonInclude(JsonInclude.Include.NON_NULL) AgentCoordination coordination) {

    public LoadResult {
        steps = steps == null ? null : List.copyOf(steps);
    }

    public static final String SCHEMA = SchemaVersions.LOAD;

    /**
     * The request of the run, as in summary.json's params (plus targets, threads and shard); the load generator
     * reads it off its spec.
     *
     * @param rate requests (open) or connections (churn) per second in total; null for the unscheduled models
     * @param shard {@code i/K} for agent i of K, {@code all/K} for the merged result of K agents
     * @param readRateBytesPerSec slowread only, otherwise null
     * @param maxInFlightBytes slowread only, otherwise null
     * @param stages the rate stages as given ({@code --stages}), null without
     */
    public record Params(String app, String model, int connections, Double rate, int size, int depth, boolean batch,
            int responseSize, int cpuSpinNs, int blockUs, double warmupSeconds, double durationSeconds,
            double timeoutSeconds, int threads, List<String> targets, String shard, String poller,
            Long readRateBytesPerSec, Long maxInFlightBytes, String transport, String stages) {

        /** The same request as the merged result of {@code agents} agents says it. */
        public Params mergedFrom(int agents) {
            return new Params(app, model, connections, rate, size, depth, batch, responseSize, cpuSpinNs, blockUs,
                    warmupSeconds, durationSeconds, timeoutSeconds, threads, targets, "all/" + agents, poller,
                    readRateBytesPerSec, maxInFlightBytes, transport, stages);
        }
    }

    /**
     * What the slowread model measured. Bytes count the measured window; stalls the whole run (warm-up included,
     * an open stall ends with the run).
     *
     * @param bytesSent request bytes the server's socket accepted
     * @param bytesRead answer bytes read (and checked), at most the read rate times the time, per connection
     * @param stalls times a connection's socket refused more bytes (the server pushed back)
     * @param stallSeconds time connections spent refused, summed over connections
     * @param longestStallSeconds the longest single refusal
     * @param connectionsAtCap connections that got their whole in-flight cap accepted: the server read on while
     *        its client did not, i.e. it buffered instead of pushing back
     */
    public record SlowRead(long bytesSent, long bytesRead, long stalls, double stallSeconds,
            double longestStallSeconds, int connectionsAtCap) {

        /** The sum over agents (the longest stall is the longest of any). */
        public SlowRead plus(SlowRead o) {
            return new SlowRead(bytesSent + o.bytesSent, bytesRead + o.bytesRead, stalls + o.stalls,
                    stallSeconds + o.stallSeconds, Math.max(longestStallSeconds, o.longestStallSeconds),
                    connectionsAtCap + o.connectionsAtCap);
        }
    }

    /** Heap used after GC with all connections open, minus before, per open connection. */
    public record Memory(int connections, long heapPerConnectionBytes, long heapBeforeBytes, long heapAfterBytes) {
    }
}
