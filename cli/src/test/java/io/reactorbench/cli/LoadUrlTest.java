package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesigns;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load --url … --method --header --body}: any request, answers of any length and framing, counted by
 * status code, against our http app, nginx and a chunked-answering server; and the refusals (remote, https,
 * --target with --url).
 */
class LoadUrlTest {

    /** The request every case sends: the body comes from a file, as {@code --body @file} is the point. */
    private static final String BODY = "{\"hello\": \"world\"}\n";

    @TempDir
    Path dir;

    /** What the commands of one test printed, all of them. */
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    private int run(String... args) {
        ReportCliFixture.Outcome outcome = ReportCliFixture.execute(args);
        out.append(outcome.out());
        err.append(outcome.err());
        return outcome.exitCode();
    }

    /** A bounded closed-loop POST of {@code requests} answers at {@code url}; returns the --json result. */
    private LoadResult post(String url, int requests) throws IOException {
        Path body = dir.resolve("body.json");
        Files.writeString(body, BODY);
        Path json = dir.resolve("result.json");
        int exit = run("load", "--url", url, "--method", "POST", "--header", "X-A: 1", "--body", "@" + body,
                "--connections", "2", "--threads", "1", "--depth", "2", "--requests", String.valueOf(requests),
                "--duration", "20s", "--progress", "none", "--json", json.toString());
        assertThat(exit).as(out.toString() + err).isZero();
        return LoadJson.read(json);
    }

    @Test
    void shouldPostToOurHttpAppAndCountItsAnswersByStatus() throws Exception {
        try (RunningServer server = ServerDesigns.require("engine-nio")
                .start(new ServerConfig("127.0.0.1", 0, 1, App.HTTP, Map.of()))) {
            LoadResult result = post("http://127.0.0.1:" + server.address().getPort() + "/anything", 200);

            // The http app answers methods other than GET and HEAD with 501 and keeps the connection.
            assertThat(result.errors().total()).isZero();
            assertThat(result.requests()).isGreaterThanOrEqualTo(200);
            assertThat(result.responses().httpStatusCounts()).containsOnlyKeys("501");
            assertThat(result.responses().httpStatusCounts().get("501")).isPositive();
            assertThat(result.responses().bytesRead()).isPositive();
            assertThat(out.toString()).contains("HTTP status codes: 501 x")
                    .contains("Non-2xx or 3xx responses: ").contains("Transfer/sec: ");
        }
    }

    @Test
    void shouldGetAnyPathOfOurHttpAppWithTheUrlAsTarget() throws Exception {
        try (RunningServer server = ServerDesigns.require("engine-nio")
                .start(new ServerConfig("127.0.0.1", 0, 1, App.HTTP, Map.of()))) {
            Path json = dir.resolve("get.json");
            int exit = run("load", "--url", "http://localhost:" + server.address().getPort() + "/missing",
                    "--connections", "1", "--threads", "1", "--requests", "50", "--progress", "none",
                    "--json", json.toString());
            assertThat(exit).as(err.toString()).isZero();
            LoadResult result = LoadJson.read(json);
            assertThat(result.params().app()).isEqualTo("http");
            assertThat(result.responses().httpStatusCounts()).containsOnlyKeys("404");
        }
    }

    @Test
    void shouldReadChunkedAnswersOfAnyLength() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "400\r\n" + "x".repeat(1024) + "\r\n3\r\nend\r\n0\r\n\r\n";
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> answerEachRequest(listener, answer));
            LoadResult result = post("http://127.0.0.1:" + listener.getLocalPort() + "/chunks", 100);
            server.interrupt();

            assertThat(result.errors().total()).isZero();
            assertThat(result.responses().httpStatusCounts()).containsOnlyKeys("200");
            assertThat(result.responses().bytesRead()).isGreaterThanOrEqualTo(result.responses()
                    .httpStatusCounts().get("200") * 1027);
        }
    }

    /**
     * Plain sockets, a thread per connection: reads requests as they end (the blank line, then Content-Length
     * bytes) and sends {@code answer} to each.
     */
    private static void answerEachRequest(ServerSocket listener, String answer) {
        byte[] bytes = answer.getBytes(StandardCharsets.US_ASCII);
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().start(() -> {
                    try (s; InputStream in = s.getInputStream(); OutputStream o = s.getOutputStream()) {
                        while (readOneRequest(in)) {
                            o.write(bytes);
                        }
                    } catch (IOException ignored) {
                        // the client went away
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private static boolean readOneRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n")) {
            if ((b = in.read()) < 0) {
                return false;
            }
            head.append((char) b);
        }
        int at = head.indexOf("Content-Length: ");
        int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 16, head.indexOf("\r", at)));
        return in.readNBytes(length).length == length;
    }

    @Test
    void shouldPostToNginx() throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        assumeTrue(Files.isExecutable(nginx), "nginx is not installed (apt-get install -y nginx): skipping the"
                + " nginx case of load --url");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    keepalive_requests 1000000;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / { return 200 "hello from nginx\\n"; }
                    }
                }
                """.formatted(dir, port));
        Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", "nginx.conf",
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        try {
            awaitListening(port, process);
            LoadResult result = post("http://127.0.0.1:" + port + "/anything", 200);

            assertThat(result.errors().total()).isZero();
            assertThat(result.responses().httpStatusCounts()).containsOnlyKeys("200");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits (at most 10 s) until something accepts on {@code port}; fails early if nginx exits. */
    private void awaitListening(int port, Process process) throws Exception {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                assertThat(process.isAlive()).as("nginx exited: " + Files.readString(dir.resolve("nginx.out"))
                        + readIfExists(dir.resolve("error.log"))).isTrue();
                assertThat(System.nanoTime()).as("nginx did not listen on " + port + " within 10 s")
                        .isLessThan(deadlineNs);
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void shouldRefuseRemoteHostsHttpsAndTwoTargetsWithOneLineAndExit2() {
        assertThat(run("load", "--url", "http://192.0.2.10:8080/x", "--duration", "1s")).isEqualTo(2);
        assertThat(run("load", "--url", "https://127.0.0.1:8443/x", "--duration", "1s")).isEqualTo(2);
        assertThat(run("load", "--url", "http://127.0.0.1:8080/x", "--target", "127.0.0.1:8080")).isEqualTo(2);
        assertThat(run("load", "--url", "http://127.0.0.1:8080/x", "--app", "echo")).isEqualTo(2);
        assertThat(run("load", "--url", "http://127.0.0.1:8080/x", "--body", "@" + dir.resolve("none"))).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(5)
                .anySatisfy(l -> assertThat(l).contains("not a loopback address"))
                .anySatisfy(l -> assertThat(l).contains("only http:// URLs"))
                .anySatisfy(l -> assertThat(l).contains("--target or --url, not both"))
                .anySatisfy(l -> assertThat(l).contains("apply to --app http"))
                .anySatisfy(l -> assertThat(l).contains("no such file"));
    }
}
