package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ProbeSample;
import io.reactorbench.scenarios.probe.ProbeProtocol;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.ServerDesigns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs {@code serve} in a child JVM, as the scenario runner does, and talks to it over stdin/stdout. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {

    private static final Pattern READY = Pattern.compile("READY 127\\.0\\.0\\.1:(\\d+)");

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void shouldPrintReadyAnswerProbeCommandsAndExitZeroAtEndOfInput() throws Exception {
        Process serve = serve("--server", "vthreads", "--app", "echo");
        BufferedReader out = reader(serve);
        int port = readyPort(out.readLine());
        OutputStream control = serve.getOutputStream();

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write('x');
            assertThat(client.getInputStream().read()).isEqualTo('x');
            send(control, "STATS");
            String line = out.readLine();
            assertThat(line).startsWith("STATS {");
            ProbeSample stats = ProbeProtocol.parseAnswer(line);
            assertThat(stats.connections()).isEqualTo(1);
            assertThat(stats.pid()).isEqualTo(serve.pid());
            assertThat(List.of(stats.timeMs(), stats.cpuNs(), stats.allocatedBytes(), stats.gcCount(),
                    stats.heapUsedBytes(), stats.heapAfterGcBytes())).doesNotContainNull();
            assertThat(List.of(stats.gcPauseTotalMs(), stats.gcPauseMaxMs())).doesNotContainNull();
            assertThat(stats.threads()).isPositive();
            assertThat(stats.gcPauseSource()).isIn("jfr", "notifications");
            assertThat(stats.rejectedOnFdLimit()).isNull(); // vthreads does not count them
        }
        send(control, "GC");
        String line = out.readLine();
        assertThat(line).startsWith("GC {");
        ProbeSample afterGc = ProbeProtocol.parseAnswer(line);
        assertThat(afterGc.pauses()).isNotEmpty();
        assertThat(afterGc.heapAfterGcBytes()).isNotEqualTo(-1L);
        send(control, "HELLO");
        assertThat(out.readLine()).isEqualTo("ERROR unknown command HELLO");

        control.close();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
    }

    @Test
    void shouldReportConnectionsRejectedAtTheFdLimitForTheEngine() throws Exception {
        Process serve = serve("--server", "engine-epoll", "--app", "echo", "--loops", "1");
        BufferedReader out = reader(serve);
        readyPort(out.readLine());
        OutputStream control = serve.getOutputStream();
        send(control, "STATS");
        ProbeSample stats = ProbeProtocol.parseAnswer(out.readLine());
        assertThat(stats.connections()).isZero();
        assertThat(stats.rejectedOnFdLimit()).isZero();
        control.close();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
    }

    @Test
    void shouldStopGracefullyAndExitZeroOnSigterm() throws Exception {
        Process serve = serve("--server", "netty-nio", "--app", "http", "--loops", "1");
        readyPort(reader(serve).readLine());

        serve.destroy(); // SIGTERM

        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
    }

    @Test
    void shouldSayOnStderrWhyItStopsWhenStandardInputIsEmpty() throws Exception {
        Process serve = serve(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")),
                "--server", "threads", "--app", "echo");

        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
        assertThat(lines(serve.getInputStream().readAllBytes())).singleElement().asString().matches(READY);
        assertThat(lines(serve.getErrorStream().readAllBytes())).singleElement().asString()
                .contains("end of standard input").contains("--ignore-stdin");
    }

    @Test
    void shouldExitTwoWithOneLineWhenThePortIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process serve = serve("--server", "threads", "--app", "echo", "--port", String.valueOf(taken.getLocalPort()));
            serve.getOutputStream().close();

            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isEqualTo(2);
            assertThat(lines(serve.getErrorStream().readAllBytes())).containsExactly(
                    "serve: cannot bind 127.0.0.1:" + taken.getLocalPort() + ": Address already in use");
            assertThat(serve.getInputStream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void shouldRejectUnknownDesignAndOptionsItDoesNotHaveWithExitTwo() {
        assertThat(Main.execute("serve", "--server", "no-such-design", "--app", "echo")).isEqualTo(2);
        assertThat(Main.execute("serve", "--server", "threads", "--app", "gopher")).isEqualTo(2);
        assertThat(Main.execute("serve", "--server", "threads", "--app", "echo", "--option", "no-such=1")).isEqualTo(2);
    }

    /** K processes of one design serve one port (the runner's {@code processes: K}): each binds it with SO_REUSEPORT. */
    @ParameterizedTest
    @ValueSource(strings = {"engine-epoll", "engine-nio", "engine-uring", "netty-epoll", "netty-nio", "netty-iouring",
            "threads", "vthreads"})
    void shouldLetASecondProcessServeTheSamePortWithReusePort(String design) throws Exception {
        Availability availability = ServerDesigns.require(design).availability();
        Assumptions.assumeTrue(availability.available(), () -> design + ": " + availability.cause());
        Process first = serve("--server", design, "--app", "echo", "--loops", "1", "--reuse-port");
        BufferedReader firstOut = reader(first);
        int port = readyPort(firstOut.readLine());
        Process second = serve("--server", design, "--app", "echo", "--loops", "1", "--reuse-port",
                "--port", String.valueOf(port));
        BufferedReader secondOut = reader(second);
        assertThat(readyPort(secondOut.readLine())).isEqualTo(port);

        int clients = 32;
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                sockets.add(client);
                client.getOutputStream().write('x');
                assertThat(client.getInputStream().read()).isEqualTo('x');
            }
            send(first.getOutputStream(), "STATS");
            send(second.getOutputStream(), "STATS");
            int onFirst = ProbeProtocol.parseAnswer(firstOut.readLine()).connections();
            int onSecond = ProbeProtocol.parseAnswer(secondOut.readLine()).connections();
            assertThat(onFirst + onSecond).isEqualTo(clients);
            // the kernel hashes each connection to one listener of the group: all 32 on one is a 2^-31 chance
            assertThat(onFirst).isPositive();
            assertThat(onSecond).isPositive();
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        first.getOutputStream().close();
        second.getOutputStream().close();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldRefuseReusePortOnAUnixSocketInOneLineWithExitTwo() throws Exception {
        Process serve = serve("--server", "engine-nio", "--app", "echo", "--listen", "unix:rb-reuse.sock",
                "--reuse-port");
        serve.getOutputStream().close();

        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isEqualTo(2);
        assertThat(lines(serve.getErrorStream().readAllBytes())).containsExactly("serve: reuse-port shares a tcp or"
                + " udp port; a Unix-domain socket path has one listener: drop reuse-port");
        assertThat(serve.getInputStream().readAllBytes()).isEmpty();
    }

    private Process serve(String... args) throws IOException {
        return serve(ProcessBuilder.Redirect.PIPE, args);
    }

    private Process serve(ProcessBuilder.Redirect stdin, String... args) throws IOException {
        Process process = ServeChild.start(stdin, args);
        children.add(process);
        return process;
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static int readyPort(String line) {
        assertThat(line).matches(READY);
        Matcher matcher = READY.matcher(line);
        assertThat(matcher.matches()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static void send(OutputStream control, String command) throws IOException {
        control.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        control.flush();
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
