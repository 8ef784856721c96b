package io.reactorbench.microbench.server;

import io.reactorbench.microbench.JvmArgs;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

/**
 * How long does one 64-byte echo round trip over loopback take through each server design, with everything
 * else equal? Each design is started in this JVM with one loop through the same SPI the suites use
 * ({@link ServerDesigns#require}, a {@code @Param} resolved by the designs' own registry), serving the echo app;
 * one blocking {@link SocketChannel} with TCP_NODELAY writes 64 bytes and reads the 64 echoed bytes back per
 * operation, in the style of Netty's {@code EpollSocketChannelBenchmark}. A round trip is at least four system
 * calls (two here, two or more in the server, each with its loopback TCP work) plus two wake-ups of a blocked
 * thread, so expect tens of microseconds, and differences between designs in their number of system calls and
 * hand-offs (a bare system call costs ~170 ns on the reference VM: scripts/syscall-cost.sh).
 *
 * <p>Pitfalls avoided: the server and the connection (one per benchmark thread) are made once per trial, not per
 * call; the payload is
 * checked on every round trip and a wrong byte fails the run (a fast wrong answer is not a result); the last
 * byte read is returned, so the read is not dead code. Under {@code -prof gc} {@code gc.alloc.rate.norm} counts
 * every thread of the JVM, so it is the server's allocation per round trip plus this client's (which allocates
 * nothing per call: direct buffers, reused): the engine designs should show ~0 B/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmArgs.NATIVE_ACCESS, JvmArgs.UNSAFE_ALLOWED, JvmArgs.HEAP_MIN, JvmArgs.HEAP_MAX})
public class LoopbackPingPongBenchmark {

    static final int MESSAGE_BYTES = 64;

    @Param({"engine-epoll", "engine-nio", "netty-epoll", "netty-nio", "vthreads"})
    String design;

    private RunningServer server;

    @Setup(Level.Trial)
    public void startServer() throws IOException {
        ServerDesign serverDesign = ServerDesigns.require(design);
        Availability availability = serverDesign.availability();
        if (!availability.available()) {
            throw new IllegalStateException(design + ": unavailable: " + availability.cause());
        }
        server = serverDesign.start(new ServerConfig("127.0.0.1", 0, 1, App.ECHO, Map.of()));
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    /** One client connection per benchmark thread ({@code -t N} gives N connections to the one server). */
    @State(Scope.Thread)
    public static class Client {

        private SocketChannel channel;
        private ByteBuffer ping;
        private ByteBuffer pong;
        private byte[] expected;
        private byte[] received;

        @Setup(Level.Trial)
        public void connect(LoopbackPingPongBenchmark benchmark) throws IOException {
            channel = SocketChannel.open(benchmark.server.address());
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            expected = new byte[MESSAGE_BYTES];
            for (int i = 0; i < MESSAGE_BYTES; i++) {
                expected[i] = (byte) (31 * i + 7);
            }
            received = new byte[MESSAGE_BYTES];
            ping = ByteBuffer.allocateDirect(MESSAGE_BYTES).put(expected).flip();
            pong = ByteBuffer.allocateDirect(MESSAGE_BYTES);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }

    @Benchmark
    public byte roundTrip(Client client) throws IOException {
        ByteBuffer ping = client.ping;
        ByteBuffer pong = client.pong;
        ping.clear();
        while (ping.hasRemaining()) {
            client.channel.write(ping);
        }
        pong.clear();
        while (pong.hasRemaining()) {
            if (client.channel.read(pong) < 0) {
                throw new EOFException(design + " closed the connection after " + pong.position() + " bytes");
            }
        }
        pong.get(0, client.received);
        if (!Arrays.equals(client.received, client.expected)) {
            throw new IllegalStateException(design + " echoed different bytes");
        }
        return client.received[MESSAGE_BYTES - 1];
    }

    /*
     * How to run (after `mvn -B -o -q -pl microbench package`):
     *   java --enable-native-access=ALL-UNNAMED -jar microbench/target/benchmarks.jar LoopbackPingPongBenchmark -prof gc
     * One design: add `-p design=engine-epoll`. Server threads and this client share the machine's cores: on two
     * cores the numbers include scheduling, which is part of what a design costs.
     */
}
