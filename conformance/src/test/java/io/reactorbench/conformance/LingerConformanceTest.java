package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.conformance.HttpReplies.Reply;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.LingerRule;
import io.reactorbench.wire.spi.RunningServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one {@link LingerRule}, on every variant that serves http ({@link Variant}): after a server answers {@code Connection: close} it sends a FIN
 * and drops what the peer still sends, but not longer than the rule's time cap nor more than its byte cap, so a
 * peer that never closes or never stops sending cannot pin a connection (or a thread). http only: every app closes
 * through the same linger, and http is the app whose clients ask for a close. The pom shortens the time cap
 * ({@link LingerRule#TIMEOUT_MS_PROPERTY}) so that the first case does not wait the default 2 s per variant. Each
 * case starts a server of its own, so its open-connection count is this case's alone.
 */
@ExtendWith(ConformanceReport.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LingerConformanceTest {

    private static final LingerRule LINGER = LingerRule.IN_FORCE;
    /**
     * A peer still sending past this was not cut off at the byte cap: above the cap it leaves room for what the
     * kernel buffers on the way (the server's receive buffer autotunes up to 32 MiB here, the peer's send buffer up
     * to 4 MiB); below what loopback carries within the time cap, so a server draining until then sends past it.
     */
    private static final long CUT_OFF_WITHIN_BYTES = 128L * 1024 * 1024;
    private static final int CHUNK_BYTES = 64 * 1024;

    static Stream<Target> targets() {
        return Target.all(App.HTTP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldCloseAfterTheTimeCapWhenThePeerNeverCloses(Target target) throws Exception {
        Servers.abortIfUnavailable(target);
        RunningServer server = Servers.start(target);
        try (Client neverCloses = answeredThenClosedBy(server)) {
            // The peer neither sends nor closes: only the time cap can end the server's side.
            long withinMs = LINGER.timeoutMs() + LifecycleConformanceTest.FORGET_WITHIN_MS;
            assertThat(Servers.awaitOpenConnections(server, 0, withinMs))
                    .as("open connections %d ms after the server's FIN to a peer that never closes", withinMs)
                    .isZero();
        } finally {
            server.stop(Servers.STOP_TIMEOUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldStopDrainingAfterTheByteCapWhenThePeerKeepsSending(Target target) throws Exception {
        Servers.abortIfUnavailable(target);
        RunningServer server = Servers.start(target);
        try (Client keepsSending = answeredThenClosedBy(server)) {
            long sentBytes = sendUntilCutOff(keepsSending);

            assertThat(sentBytes).as("bytes the peer sent after the server's FIN before the server cut it off (the"
                    + " byte cap is %d)", LINGER.maxBytes()).isLessThan(CUT_OFF_WITHIN_BYTES);
            assertThat(Servers.awaitOpenConnections(server, 0, LifecycleConformanceTest.FORGET_WITHIN_MS))
                    .as("open connections after the server cut the peer off").isZero();
        } finally {
            server.stop(Servers.STOP_TIMEOUT);
        }
    }

    /** A client whose {@code Connection: close} request {@code server} answered, then sent its FIN to. */
    private static Client answeredThenClosedBy(RunningServer server) throws IOException {
        Client client = new Client(server.address());
        try {
            client.write(HttpReplies.GET_PLAINTEXT_THEN_CLOSE);
            List<Reply> replies = HttpReplies.parse(client.readUntilClosed(64 * 1024)); // ends at the server's FIN
            assertThat(replies).extracting(Reply::status).containsExactly(200);
            return client;
        } catch (IOException | RuntimeException | AssertionError e) {
            client.close();
            throw e;
        }
    }

    /** Sends until a write fails (the server closed and reset) or {@link #CUT_OFF_WITHIN_BYTES} went out. */
    private static long sendUntilCutOff(Client client) {
        byte[] chunk = new byte[CHUNK_BYTES];
        long sentBytes = 0;
        while (sentBytes < CUT_OFF_WITHIN_BYTES) {
            try {
                client.write(chunk);
            } catch (IOException cutOff) {
                return sentBytes;
            }
            sentBytes += chunk.length;
        }
        return sentBytes;
    }
}
