package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stopping a server closes its connections and releases its threads: nothing leaks into the next design. */
@ExtendWith(ConformanceReport.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleConformanceTest {

    /** Threads may take a moment to end after stop() returns (e.g. Netty's executor termination). */
    private static final long THREAD_EXIT_GRACE_MS = 3_000;

    static Stream<Target> targets() {
        return Target.all(App.ECHO);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldCloseConnectionsAndReleaseThreadsOnStop(Target target) throws Exception {
        Servers.abortIfUnavailable(target);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RunningServer server = Servers.start(target);
        List<Client> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Client client = new Client(server.address());
                client.write(RoundTrip.request(App.ECHO, i));
                RoundTrip.expectResponse(client, App.ECHO, i);
                clients.add(client);
            }
        } finally {
            server.stop(Servers.STOP_TIMEOUT);
        }
        for (Client client : clients) {
            assertThat(endOfStream(client)).as("connection closed by stop()").isTrue();
            client.close();
        }
        assertThat(leakedThreads(before)).as("threads still alive after stop()").isEmpty();
    }

    private static boolean endOfStream(Client client) throws IOException {
        try {
            return client.read(new byte[16]) < 0;
        } catch (SocketException reset) {
            return true; // an abrupt close is a close too
        }
    }

    private static List<String> leakedThreads(Set<Thread> before) throws InterruptedException {
        long deadlineMs = System.currentTimeMillis() + THREAD_EXIT_GRACE_MS;
        List<String> leaked;
        do {
            leaked = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !isJvmOrSharedThread(t))
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                    .collect(Collectors.toList());
            if (leaked.isEmpty()) {
                return leaked;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadlineMs);
        return leaked;
    }

    /** Threads the JVM or a library keeps process-wide by design, not per server. */
    private static boolean isJvmOrSharedThread(Thread t) {
        String name = t.getName();
        return name.startsWith("Attach Listener") || name.startsWith("Common-Cleaner")
                || name.startsWith("ForkJoinPool") || name.startsWith("process reaper")
                || name.startsWith("surefire") || name.startsWith("junit");
    }
}
