package io.reactorbench.engine;

import io.reactorbench.microbench.JvmArgs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
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
 * What does each load-balancing policy cost the acceptor per new connection? {@code next} is one
 * {@link LoadBalancer#pick} for a just-accepted peer, with 2 or 16 sub-loops: round-robin (a counter),
 * least-connections (a volatile read of every loop's connection count) and source-hash (hashing the peer's
 * address and port). The policy is a {@code @Param} resolved by {@link #create}, the same switch as
 * {@link LoadBalancer#create} but over stand-in loops (a real {@link EventLoop} would bring a poller and a thread).
 * The stand-ins publish fixed, uneven connection counts through a volatile field, as loops do; reading the
 * remote address (a system call when the policy needs it) is not part of this number.
 *
 * <p>Pitfalls avoided: the peers are 1024 distinct addresses built in {@code @Setup} and cycled through a
 * {@code @State} index, so source-hash cannot be folded into a constant and the branch predictor cannot learn
 * one answer; the chosen index is returned, so the pick is not dead code.
 *
 * <p>Lives in {@code io.reactorbench.engine} because the balancers are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.UNSAFE_ALLOWED, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class LoadBalancerBenchmark {

    static final int PEERS = 1024;

    @Param({"round-robin", "least-connections", "source-hash"})
    String policy;

    @Param({"2", "16"})
    int loops;

    private LoadBalancer balancer;
    private InetSocketAddress[] peers;
    private int next;

    /** A loop as the least-connections balancer sees it: a count published by the loop thread. */
    static final class StandInLoop implements LeastConnectionsBalancer.Counted {
        volatile int connections;

        StandInLoop(int connections) {
            this.connections = connections;
        }

        @Override
        public int connectionCount() {
            return connections;
        }
    }

    static LoadBalancer create(LoadBalancing kind, int loops, SplittableRandom random) {
        return switch (kind) {
            case ROUND_ROBIN -> new RoundRobinBalancer(loops);
            case LEAST_CONNECTIONS -> {
                StandInLoop[] standIns = new StandInLoop[loops];
                for (int i = 0; i < loops; i++) {
                    standIns[i] = new StandInLoop(1000 + random.nextInt(100));
                }
                yield new LeastConnectionsBalancer(standIns);
            }
            case SOURCE_HASH -> new SourceHashBalancer(loops);
        };
    }

    @Setup
    public void setUp() throws UnknownHostException {
        SplittableRandom random = new SplittableRandom(7);
        balancer = create(LoadBalancing.parse(policy), loops, random);
        peers = new InetSocketAddress[PEERS];
        for (int i = 0; i < PEERS; i++) {
            byte[] ip = {127, 0, (byte) (i >> 8), (byte) (1 + (i & 0x7f))}; // several loopback clients
            peers[i] = new InetSocketAddress(InetAddress.getByAddress(ip), 32768 + random.nextInt(28232));
        }
    }

    @Benchmark
    public int next() {
        int i = next;
        next = (i + 1) & (PEERS - 1);
        return balancer.pick(balancer.needsRemoteAddress() ? peers[i] : null);
    }

    /*
     * How to run (after `mvn -B -o -q -pl microbench package`):
     *   java --enable-native-access=ALL-UNNAMED -jar microbench/target/benchmarks.jar LoadBalancerBenchmark
     */
}
