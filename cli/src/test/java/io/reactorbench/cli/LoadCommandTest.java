package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.LoadResult;
import io.reactorbench.loadgen.ResultJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {

    @TempDir
    Path dir;

    private ServerSocket echo;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A blocking echo server, a thread per connection: plain Java, nothing shared with the designs under test. */
    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> pump(s));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream o = s.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                o.write(buf, 0, n);
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    private int run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return Main.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private String target() {
        return "127.0.0.1:" + echo.getLocalPort();
    }

    @Test
    void shouldRefuseARemoteTargetWithOneLineAndExit2() {
        int exit = run("load", "--target", "192.0.2.10:80", "--duration", "1s");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement()
                .asString().contains("not a loopback address").contains("--allow-remote");
    }

    @Test
    void shouldRejectBadDurationsAndShardsWithExit2() {
        assertThat(run("load", "--target", target(), "--duration", "ten")).isEqualTo(2);
        assertThat(run("load", "--target", target(), "--shard", "2/2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad duration").contains("bad --shard");
    }

    @Test
    void shouldPrintTheSummaryAndWriteJsonAndIntervalLog() throws Exception {
        Path json = dir.resolve("out.json");
        Path hlog = dir.resolve("out.hlog");
        int exit = run("load", "--target", target(), "--app", "echo", "--connections", "4", "--rate", "400",
                "--duration", "1500ms", "--threads", "1", "--json", json.toString(), "--hlog", hlog.toString(),
                "--progress", "lines");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err).isZero();
        assertThat(printed).contains("Latency, corrected for coordinated omission").contains("Latency, uncorrected")
                .contains("Detailed percentile spectrum").contains("Requests/sec:");
        LoadResult result = ResultJson.read(json);
        assertThat(result.errors().total()).isZero();
        assertThat(result.requests()).isPositive();
        assertThat(result.params().model()).isEqualTo("open");
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        assertThat(reader.nextIntervalHistogram()).isNotNull();
        reader.close();
    }

    @Test
    void shouldSplitTheLoadOverAgentsAndMergeTheirHistograms() throws Exception {
        Path json = dir.resolve("agents.json");
        int exit = run("load", "--target", target(), "--connections", "4", "--rate", "200", "--duration", "1s",
                "--threads", "1", "--agents", "2", "--json", json.toString(), "--progress", "none");
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8) + err).isZero();
        LoadResult merged = ResultJson.read(json);
        assertThat(merged.shards()).isEqualTo(2);
        assertThat(merged.errors().total()).isZero();
        assertThat(merged.latencyNs().uncorrected().count()).isEqualTo(merged.requests());
        assertThat(merged.requests()).isPositive();
    }
}
