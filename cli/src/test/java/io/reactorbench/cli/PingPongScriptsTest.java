package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent C ping-pong client of {@code scripts/pingpong} (issue 21's cross-check) checks what it counts: it
 * verifies round trips against the C epoll server ({@code selftest.sh}), and it fails, saying why, against a server
 * that corrupts a byte or closes the connection. Skipped, with the reason, where gcc is missing.
 */
class PingPongScriptsTest {

    private static final Path PINGPONG = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("scripts").resolve("pingpong");
    private static final long PROCESS_BOUND_SECONDS = 120;

    @TempDir
    Path dir;

    private record Finished(int exitCode, String output) {

        long count(String key) {
            Matcher m = Pattern.compile("\\b" + key + "=([0-9]+)").matcher(output);
            assertThat(m.find()).as("%s in %s", key, output).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    private static Finished run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = process.getInputStream().readAllBytes(); // ends when the process (bounded by its own timeouts) does
            assertThat(process.waitFor(PROCESS_BOUND_SECONDS, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
            return new Finished(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void assumeGcc() throws IOException, InterruptedException {
        boolean gcc;
        try {
            gcc = new ProcessBuilder("gcc", "--version").start().waitFor() == 0;
        } catch (IOException missing) {
            gcc = false;
        }
        if (!gcc) {
            System.out.println("PingPongScriptsTest skipped: gcc is not installed (apt-get install -y gcc)");
        }
        Assumptions.assumeTrue(gcc, "gcc is not installed");
    }

    private Path buildClient() throws IOException, InterruptedException {
        Finished make = run(List.of("make", "-s", "-C", PINGPONG.toString(), "OUT=" + dir, "client"));
        assertThat(make.exitCode()).as(make.output()).isZero();
        return dir.resolve("pingpong-client");
    }

    @Test
    void shouldVerifyRoundTripsAgainstTheCEpollServer() throws Exception {
        assumeGcc();
        Finished selftest = run(List.of(PINGPONG.resolve("selftest.sh").toString()));

        assertThat(selftest.exitCode()).as(selftest.output()).isZero();
        assertThat(selftest.count("round_trips")).isPositive();
        assertThat(selftest.count("mismatches")).isZero();
        assertThat(selftest.count("errors")).isZero();
        assertThat(selftest.output()).contains("selftest: ok");
    }

    @Test
    void shouldCountMismatchesAndFailWhenTheServerCorruptsAByte() throws Exception {
        assumeGcc();
        Path client = buildClient();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> serve(server, true));
            Finished run = run(List.of(client.toString(), "-p", Integer.toString(server.getLocalPort()), "-c", "2",
                    "-w", "0", "-d", "1"));

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.count("mismatches")).isPositive();
        }
    }

    @Test
    void shouldCountAFailedConnectionWhenTheServerCloses() throws Exception {
        assumeGcc();
        Path client = buildClient();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> serve(server, false));
            Finished run = run(List.of(client.toString(), "-p", Integer.toString(server.getLocalPort()), "-c", "3",
                    "-w", "0", "-d", "1"));

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.count("errors")).isEqualTo(3);
            assertThat(run.count("round_trips")).isZero();
        }
    }

    @Test
    void shouldRefuseBadUsageWithExitCode2() throws Exception {
        assumeGcc();
        Path client = buildClient();
        Finished run = run(List.of(client.toString(), "-c", "10"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("usage: pingpong-client");
        assertThat(Files.isExecutable(dir.resolve("echo-epoll"))).isTrue();
    }

    /** Echoes every byte on each accepted connection, the 10th of each message flipped when corrupting; else closes. */
    private static void serve(ServerSocket server, boolean corrupting) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            Thread.ofVirtual().start(() -> {
                try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                    if (!corrupting) {
                        return;
                    }
                    byte[] message = new byte[64];
                    while (in.readNBytes(message, 0, message.length) == message.length) {
                        message[9] ^= 0x5a;
                        out.write(message);
                    }
                } catch (IOException peerGone) {
                    // the client closed with a reset: this connection is done
                }
            });
        }
    }
}
