package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.EchoVerifier;
import io.reactorbench.wire.spi.App;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** echo: every byte comes back, in order, whatever the size and however many connections. */
@ExtendWith(ConformanceReport.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EchoConformanceTest {

    private static final int CONNECTIONS = 50;
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final Servers SERVERS = new Servers();

    static Stream<Target> targets() {
        return Target.all(App.ECHO);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.stopAll();
    }

    /** Sizes from 1 B to 1 MiB, spread evenly over the orders of magnitude, both ends included. */
    private static int[] messageSizes(long seed) {
        Random random = new Random(seed);
        int[] sizes = new int[CONNECTIONS];
        sizes[0] = 1;
        sizes[1] = MAX_MESSAGE_BYTES;
        for (int i = 2; i < CONNECTIONS; i++) {
            sizes[i] = (int) Math.max(1, Math.round(Math.pow(2, random.nextDouble() * 20)));
        }
        return sizes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldEchoRandomSizesFrom1ByteTo1MiBOn50ConcurrentConnections(Target target) throws Exception {
        InetSocketAddress address = SERVERS.addressOf(target);
        int[] sizes = messageSizes(42);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> echoed = new ArrayList<>();
            for (int size : sizes) {
                echoed.add(pool.submit(() -> echoOnce(address, size, pool)));
            }
            for (int i = 0; i < sizes.length; i++) {
                assertThat(echoed.get(i).get(60, TimeUnit.SECONDS)).as("connection %d, %d bytes", i, sizes[i])
                        .isEqualTo(sizes[i]);
            }
        }
    }

    /** Sends {@code size} pattern bytes from a second thread while reading them back; returns bytes verified. */
    private static long echoOnce(InetSocketAddress address, int size, ExecutorService pool) throws Exception {
        try (Client client = new Client(address)) {
            EchoVerifier verifier = new EchoVerifier(1);
            ByteBuffer message = ByteBuffer.allocate(size);
            EchoVerifier.put(message, 0, 0, size);
            Future<?> writer = pool.submit(() -> {
                client.write(message.array());
                return null;
            });
            byte[] buffer = new byte[64 * 1024];
            while (verifier.receivedBytes(0) < size) {
                int n = client.read(buffer);
                if (n < 0) {
                    throw new AssertionError("closed after " + verifier.receivedBytes(0) + " of " + size + " bytes");
                }
                if (verifier.receivedBytes(0) + n > size) {
                    throw new AssertionError((verifier.receivedBytes(0) + n) + " bytes echoed, " + size + " sent");
                }
                int wrong = verifier.receive(0, 0, ByteBuffer.wrap(buffer, 0, n));
                if (wrong >= 0) {
                    throw new AssertionError("echoed bytes differ from what was sent at offset "
                            + (verifier.receivedBytes(0) + wrong));
                }
            }
            writer.get(10, TimeUnit.SECONDS);
            return verifier.receivedBytes(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldEchoBytesWrittenOneAtATime(Target target) throws Exception {
        byte[] message = "split into single-byte writes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Client client = new Client(SERVERS.addressOf(target))) {
            client.writeByteByByte(message);
            assertThat(client.readExactly(message.length)).isEqualTo(message);
        }
    }
}
