package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.spi.App;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real clients, not written here: wrk with 16-deep pipelining and curl against every design's http app. */
@ExtendWith(ConformanceReport.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WrkAndCurlConformanceTest {

    private static final Servers SERVERS = new Servers();
    private static final long TOOL_TIMEOUT_S = 30;
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");

    @TempDir
    static Path scratch;

    static Stream<Target> targets() {
        return Target.all(App.HTTP);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.stopAll();
    }

    private record Run(int exitCode, String output) {
    }

    private static void skipUnlessOnPath(String tool) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            String reason = tool + " is not on PATH (install it: apt-get install -y " + tool + ")";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(TOOL_TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TOOL_TIMEOUT_S + " s");
            }
            return new Run(process.exitValue(), new String(out.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path pipelineScript() throws IOException {
        Path script = scratch.resolve("pipeline.lua");
        if (!Files.exists(script)) {
            try (InputStream in = WrkAndCurlConformanceTest.class.getResourceAsStream("/pipeline.lua")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return script;
    }

    private static String url(InetSocketAddress address) {
        return "http://127.0.0.1:" + address.getPort() + "/plaintext";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldServeWrkPipelining16DeepWithoutErrorsOrNon2xx(Target target) throws Exception {
        skipUnlessOnPath("wrk");
        InetSocketAddress address = SERVERS.addressOf(target);

        Run wrk = run(List.of("wrk", "-t1", "-c64", "-d2s", "-s", pipelineScript().toString(), url(address),
                "--", "16"));

        System.out.println("wrk on " + target + ":\n" + wrk.output());
        assertThat(wrk.exitCode()).as(wrk.output()).isZero();
        Matcher requests = REQUESTS.matcher(wrk.output());
        assertThat(requests.find()).as(wrk.output()).isTrue();
        assertThat(Long.parseLong(requests.group(1))).as("requests").isPositive();
        assertThat(wrk.output()).doesNotContain("Non-2xx").doesNotContain("Socket errors");
        RoundTrip.check(address, App.HTTP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void shouldAnswerCurlWithTheFourPlaintextHeaders(Target target) throws Exception {
        skipUnlessOnPath("curl");
        InetSocketAddress address = SERVERS.addressOf(target);

        Run curl = run(List.of("curl", "-i", "-s", "--max-time", "10", url(address)));

        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(curl.output()).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("\r\nServer: reactorbench\r\n")
                .containsPattern("\r\nDate: \\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT\r\n")
                .contains("\r\nContent-Type: text/plain\r\n")
                .contains("\r\nContent-Length: 13\r\n")
                .endsWith("\r\n\r\nHello, World!");
    }
}
