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

    /** How long a design may take to notice that peers went away; generous, it bounds only a failing case. */
    static final long FORGET_WITHIN_MS = 10_000;

    static Stream<Target> targets() {
        return Target.all(App.ECHO);
    }

    static Stream<Target> allApps() {
        return Target.all(App.ECHO, App.RPC, App.HTTP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allApps")
    void shouldForgetConnectionsThatClosedResetOrWereClosedByTheServer(Target target) throws Exception {
        Servers.abortIfUnavailable(target);
        RunningServer server = Servers.start(target);
        try {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Client client = new Client(server.address());
                client.write(RoundTrip.request(target.app(), i));
                RoundTrip.expectResponse(client, target.app(), i);
                clients.add(client);
            }
            assertThat(server.openConnections()).as("open connections while 12 peers are connected").isEqualTo(12);
            for (int i = 0; i < clients.size(); i++) {
                switch (i % 3) {
                    case 0 -> clients.get(i).close();
                    case 1 -> clients.get(i).reset();
                    default -> {
                        clients.get(i).write(badRequest(target.app())); // the server closes this one
                        if (target.app() == App.ECHO) {
                            clients.get(i).shutdownOutput(); // echo has no bad input: a half-close ends it
                        }
                        clients.get(i).readUntilClosed(1024 * 1024);
                        clients.get(i).close();
                    }
                }
            }
            assertThat(Servers.awaitOpenConnections(server, 0, FORGET_WITHIN_MS))
                    .as("open connections after every peer left").isZero();
        } finally {
            server.stop(Servers.STOP_TIMEOUT);
        }
    }

    /** Input the server answers by closing: a bad rpc frame, a bad http request; for echo, a half-close. */
    private static byte[] badRequest(App app) {
        return switch (app) {
            case ECHO -> new byte[0];
            case RPC -> new byte[] {0, 0, 0, 1};
            case HTTP -> "BAD REQUEST LINE\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        };
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

    /**
     * Threads the JVM or a library keeps process-wide by design, not per server: among them the JDK's
     * virtual-thread I/O pollers, started by the first virtual thread that blocks on a socket.
     */
    private static boolean isJvmOrSharedThread(Thread t) {
        String name = t.getName();
        return name.startsWith("MasterPoller") || name.startsWith("VirtualThread-unblocker")
                || name.endsWith("-Poller") || name.startsWith("SubPoller")
                || name.startsWith("Attach Listener") || name.startsWith("Common-Cleaner")
                || name.startsWith("ForkJoinPool") || name.startsWith("process reaper")
                || name.startsWith("surefire") || name.startsWith("junit");
    }
}
