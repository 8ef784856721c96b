package io.reactorbench.microbench.loadgen;

import io.reactorbench.loadgen.OpenLoopSchedule;
import io.reactorbench.microbench.JvmArgs;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does the load generator spend recording one response? {@code recordResponse} follows the worker's path
 * for an open-loop request: the uncorrected latency (now − actual send) and the corrected one (now − intended
 * send, from the wrk2-style {@link OpenLoopSchedule}), each clamped to the histogram range and recorded. The
 * recording structure is a {@code @Param} resolved by {@link LatencyRecorder#create}: {@code recorder} (HdrHistogram
 * {@code Recorder}, what the load generator uses so the reporter can take interval histograms without stopping
 * the worker), {@code single-writer-recorder} (the same for one writer thread) and {@code histogram} (a plain
 * histogram: the floor).
 *
 * <p>Pitfalls avoided: latencies are precomputed in {@code @Setup} with a long-tailed spread (10 µs to ~10 ms),
 * so the histogram's index computation sees realistic, varying magnitudes rather than one constant the JIT could
 * fold, and the random-number cost is not measured; the recorded values are returned, so the path is not dead
 * code. Under {@code -prof gc} all three should be ~0 B/op: recording must not perturb the latency it measures.
 * The reporter's once-a-second interval swap is not part of this number.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.UNSAFE_ALLOWED, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class LatencyRecordingBenchmark {

    static final int SAMPLES = 4096;
    static final int CONNECTIONS = 64;

    @Param({"recorder", "single-writer-recorder", "histogram"})
    String recorder;

    private LatencyRecorder corrected;
    private LatencyRecorder uncorrected;
    private OpenLoopSchedule schedule;
    private long[] sentNs;
    private long[] receivedNs;
    private int next;

    @Setup
    public void setUp() {
        corrected = LatencyRecorder.create(recorder);
        uncorrected = LatencyRecorder.create(recorder);
        schedule = new OpenLoopSchedule(0L, 100_000, CONNECTIONS); // 100k requests/s: one every 10 µs
        SplittableRandom random = new SplittableRandom(3);
        sentNs = new long[SAMPLES];
        receivedNs = new long[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            long intended = schedule.intendedNs(k % CONNECTIONS, k / CONNECTIONS);
            long sendDelayNs = (long) (1_000 * Math.exp(random.nextDouble() * 3)); // 1 µs .. 20 µs late
            long latencyNs = (long) (10_000 * Math.exp(random.nextDouble() * 7)); // 10 µs .. ~11 ms
            sentNs[k] = intended + sendDelayNs;
            receivedNs[k] = sentNs[k] + latencyNs;
        }
    }

    @Benchmark
    public long recordResponse() {
        int k = next;
        next = (k + 1) & (SAMPLES - 1);
        long nowNs = receivedNs[k];
        long actual = clamp(nowNs - sentNs[k]);
        long intended = clamp(nowNs - schedule.intendedNs(k % CONNECTIONS, k / CONNECTIONS));
        uncorrected.recordValue(actual);
        corrected.recordValue(intended);
        return actual + intended;
    }

    /** As the load worker does: a latency outside the histogram's range is clamped, not dropped. */
    private static long clamp(long ns) {
        return ns < 1 ? 1 : Math.min(ns, LatencyRecorder.MAX_LATENCY_NS);
    }

    /*
     * How to run (after `mvn -B -o -q -pl microbench package`):
     *   java --enable-native-access=ALL-UNNAMED -jar microbench/target/benchmarks.jar LatencyRecordingBenchmark -prof gc
     */
}
