package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real engine at its fd limit: a child JVM runs {@link FdLimitedEchoServer} under {@code ulimit -n 256}
 * (lowering a soft limit needs no privilege), and this JVM connects until the server runs out of fds. The
 * server must stay up, close the connections it cannot take at once (their clients see EOF or a reset, not
 * a hang in the backlog), count them, and serve new connections once fds are free again.
 */
@Timeout(120)
class FdLimitTest {

    private static final int CHILD_FD_LIMIT = 256;
    /** More than the child can hold (each connection is one server fd), so the limit is always reached. */
    private static final int MAX_CLIENTS = 2 * CHILD_FD_LIMIT;
    /** Connections opened after the first rejected one: all must be rejected promptly too. */
    private static final int REJECTED_WANTED = 5;
    /** A reply or a close arrives within this; longer means the client hangs in the backlog. */
    private static final int READ_TIMEOUT_MS = 5_000;

    private enum Outcome { ECHOED, CLOSED }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "nio", "uring"})
    void shouldCloseExcessClientsPromptlyAndServeAgainOnceFdsAreFree(String poller) throws Exception {
        PollerAssumptions.assumeAvailable(io.reactorbench.sys.PollerKind.parse(poller));
        Process child = startChild(poller);
        List<Socket> served = new ArrayList<>();
        try (PrintWriter commands = new PrintWriter(child.getOutputStream(), true, StandardCharsets.US_ASCII);
                BufferedReader replies = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String portLine = replies.readLine();
            assertThat(portLine).as("child's first line").startsWith("port ");
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(portLine.substring(5)));

            int rejected = 0;
            for (int i = 0; i < MAX_CLIENTS && rejected < REJECTED_WANTED; i++) {
                Socket client = new Socket();
                client.connect(address, READ_TIMEOUT_MS); // completes in the backlog whether or not accepted
                if (roundTrip(client, (byte) i) == Outcome.ECHOED) {
                    served.add(client);
                } else {
                    rejected++;
                    client.close();
                }
            }
            assertThat(rejected).as("clients closed at the fd limit (of %d opened)", MAX_CLIENTS)
                    .isEqualTo(REJECTED_WANTED);
            assertThat(served).as("connections served before the limit").hasSizeGreaterThan(CHILD_FD_LIMIT / 2);
            assertThat(roundTrip(served.getFirst(), (byte) 7)).as("an old connection is still served")
                    .isEqualTo(Outcome.ECHOED);
            assertThat(stat(commands, replies, "rejected")).isGreaterThanOrEqualTo(REJECTED_WANTED);

            int toFree = 32;
            for (int i = 0; i < toFree; i++) {
                served.removeLast().close();
            }
            long openBefore = served.size() + toFree;
            long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stat(commands, replies, "open") > openBefore - toFree && System.nanoTime() < deadlineNs) {
                Thread.sleep(20);
            }
            try (Socket fresh = new Socket()) {
                fresh.connect(address, READ_TIMEOUT_MS);
                assertThat(roundTrip(fresh, (byte) 99)).as("a new connection once fds are free")
                        .isEqualTo(Outcome.ECHOED);
            }

            commands.println("stop");
            assertThat(child.waitFor(15, TimeUnit.SECONDS)).as("child stopped").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            for (Socket socket : served) {
                socket.close();
            }
            child.destroyForcibly();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Sends one byte; the echo back means served, EOF or a reset means closed; a timeout fails the test. */
    private static Outcome roundTrip(Socket client, byte value) throws IOException {
        client.setSoTimeout(READ_TIMEOUT_MS);
        try {
            client.getOutputStream().write(value);
            int back = client.getInputStream().read();
            if (back == -1) {
                return Outcome.CLOSED;
            }
            assertThat((byte) back).isEqualTo(value);
            return Outcome.ECHOED;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no echo and no close within " + READ_TIMEOUT_MS + " ms: the client hangs", e);
        } catch (SocketException e) { // reset: the server closed with our byte unread
            return Outcome.CLOSED;
        }
    }

    private static long stat(PrintWriter commands, BufferedReader replies, String name) throws IOException {
        commands.println("stats");
        String line = replies.readLine();
        assertThat(line).as("stats reply").startsWith("stats ");
        for (String field : line.substring(6).split(" ")) {
            if (field.startsWith(name + "=")) {
                return Long.parseLong(field.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }

    private static Process startChild(String poller) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // bash lowers the soft limit, then becomes the JVM; arguments go through $0..$3, never through the shell text
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "ulimit -n " + CHILD_FD_LIMIT + " && exec \"$0\" --enable-native-access=ALL-UNNAMED -Xss512k"
                        + " -Xmx128m -cp \"$1\" \"$2\" \"$3\"",
                java, classPath, FdLimitedEchoServer.class.getName(), poller);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }
}
