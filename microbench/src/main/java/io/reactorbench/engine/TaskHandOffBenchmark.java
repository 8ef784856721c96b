package io.reactorbench.engine;

import io.reactorbench.microbench.JvmArgs;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * How fast can one thread hand work to a loop on another — the cross-loop hand-off behind {@code asyncWrite},
 * {@code asyncClose} and every accepted connection? A {@code @Group} of two threads: the producer offers tasks
 * to the loop's {@link TaskQueue}, whose wake-up goes to a real poller; the loop does what
 * {@link EventLoop#runOnce} does (poll without waiting when tasks are queued, else up to 1 ms; then drain at most
 * {@link EventLoop#MAX_TASKS_PER_ITERATION}). The wake-up is a {@code @Param} resolved by {@link #openPoller}:
 * {@code selector} ({@code Selector.wakeup()}, the nio poller) or {@code eventfd} (an eventfd write, the epoll
 * poller). The queue skips the wake-up while one is already requested, so the number of system calls per task
 * depends on how often the loop catches up — which is the point of measuring it with two real threads.
 *
 * <p>Read {@code handOff:producer}: tasks handed over per µs (one offer per call). {@code handOff:loop} is loop
 * turns per µs; the counters, JCTools style ({@code QueueThroughputBackoffNone}), say how: {@code tasksRun} and
 * {@code emptyPolls} for the loop, {@code backOffSpins} for the producer (the group's total score adds the two
 * methods' calls and means little on its own). Pitfalls avoided: the producer waits while
 * {@value #MAX_IN_FLIGHT} tasks are queued (an unbounded backlog would measure the GC, not the hand-off) and stops
 * waiting when JMH ends the iteration ({@link Control#stopMeasurement}), so it never hangs on a stopped loop; the
 * task is one preallocated {@code Runnable}, so the allocation under {@code -prof gc} is the queue's own (a node
 * per offer); the loop's poll waits at most 1 ms so the iteration can end; results flow into counters JMH reads,
 * so nothing is dead code.
 *
 * <p>Lives in {@code io.reactorbench.engine} because the queue and pollers are package-private.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.UNSAFE_ALLOWED, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class TaskHandOffBenchmark {

    /** Tasks queued at most; beyond it the producer spins until the loop catches up. */
    static final int MAX_IN_FLIGHT = 1024;

    private static final VarHandle TASKS_RUN;

    static {
        try {
            TASKS_RUN = MethodHandles.lookup().findVarHandle(TaskHandOffBenchmark.class, "tasksRun", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Param({"selector", "eventfd"})
    String wakeup;

    private Poller poller;
    private TaskQueue tasks;
    private Runnable task;
    /** Written by the loop thread only (release), read by the producer (acquire). */
    private long tasksRun;
    /** Producer-only. */
    private long tasksOffered;
    private final Poller.ReadySink noEvents = (slot, readyOps) -> {
    };

    static Poller openPoller(String wakeup) throws IOException {
        SocketSetup setup = new SocketSetup(true, false, 0, 0);
        return switch (wakeup) {
            case "selector" -> new NioPoller(setup);
            case "eventfd" -> new EpollPoller(setup, false);
            default -> throw new IllegalArgumentException("unknown wakeup '" + wakeup + "' (known: selector, eventfd)");
        };
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        poller = openPoller(wakeup);
        tasks = new TaskQueue(poller::wakeup, Throwable::printStackTrace);
        task = () -> TASKS_RUN.setRelease(this, tasksRun + 1); // runs on the loop thread only
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        poller.close();
    }

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class OfferCounters {
        /** Spins while {@value #MAX_IN_FLIGHT} tasks were queued: the loop was behind. */
        public long backOffSpins;
    }

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class LoopCounters {
        public long tasksRun;
        public long emptyPolls;
    }

    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public void producer(OfferCounters counters, Control control) {
        while (tasksOffered - (long) TASKS_RUN.getAcquire(this) >= MAX_IN_FLIGHT) {
            if (control.stopMeasurement) {
                return; // the loop may already have stopped: do not wait for it
            }
            counters.backOffSpins++;
            Thread.onSpinWait();
        }
        tasksOffered++;
        tasks.offer(task);
    }

    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public void loop(LoopCounters counters) throws IOException {
        poller.poll(tasks.isEmpty() ? 1 : 0, noEvents);
        int ran = tasks.drain(EventLoop.MAX_TASKS_PER_ITERATION);
        if (ran == 0) {
            counters.emptyPolls++;
        } else {
            counters.tasksRun += ran;
        }
    }

    /*
     * How to run (after `mvn -B -o -q -pl microbench package`; needs two free cores to mean anything):
     *   java --enable-native-access=ALL-UNNAMED -jar microbench/target/benchmarks.jar TaskHandOffBenchmark -prof gc
     * Compare handOff:producer (tasks handed over per µs) between the wake-ups; tasksRun / loop is how many tasks
     * the loop drains per turn, i.e. how many hand-offs share one wake-up.
     */
}
