package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code serve --listen unix:… | udp:…} and {@code load --target} the address it printed, for every design that
 * serves the transport: the same harness measures them over the same socket kinds. Loopback and a temp dir only.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TransportRoundTripTest {

    private static final int REQUESTS = 300;

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.forEach(Process::destroyForcibly);
    }

    /** One design on one transport, loaded with one of the load generator's pollers. */
    record Case(String design, String transport, String loadPoller) {
        @Override
        public String toString() {
            return design + " over " + transport + " (load poller " + loadPoller + ")";
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String[] pollers = {"epoll", "nio"};
        int i = 0;
        for (String design : List.of("engine-epoll", "engine-nio", "engine-uring", "netty-epoll", "netty-nio",
                "netty-iouring")) {
            for (String transport : List.of("unix", "udp")) {
                cases.add(new Case(design, transport, pollers[i++ % 2])); // both pollers meet both transports
            }
        }
        // engine (auto) runs streams on io_uring where it works, and udp on epoll (io_uring's udp is not measured yet)
        cases.add(new Case("engine", "unix", "nio"));
        cases.add(new Case("engine", "udp", "epoll"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldServeAndLoadEveryRequestWithoutErrors(Case c) throws Exception {
        io.reactorbench.wire.spi.Availability availability =
                io.reactorbench.wire.spi.ServerDesigns.require(c.design()).availability();
        org.junit.jupiter.api.Assumptions.assumeTrue(availability.available(), () -> c + ": " + availability.cause());
        Path socket = dir.resolve(c.design() + ".sock");
        String listen = c.transport().equals("unix") ? "unix:" + socket : "udp:127.0.0.1:0";
        Process serve = ServeChild.start("--server", c.design(), "--app", "echo", "--loops", "2", "--listen", listen);
        children.add(serve);
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (c.transport().equals("unix")) {
            assertThat(ready).isEqualTo("READY unix:" + socket.toAbsolutePath());
        } else {
            assertThat(ready).matches("READY udp:127\\.0\\.0\\.1:\\d+");
        }
        String target = ready.substring("READY ".length());

        Path json = dir.resolve(c.design() + "-" + c.transport() + ".json");
        ReportCliFixture.Outcome load = run("load", "--target", target, "--app", "echo", "--connections", "3", "--depth", "2",
                "--threads", "1", "--requests", String.valueOf(REQUESTS), "--duration", "60s", "--timeout", "20s",
                "--poller", c.loadPoller(), "--progress", "none", "--json", json.toString());

        assertThat(load.exitCode()).as(load.out() + load.err()).isZero();
        LoadResult result = LoadJson.read(json);
        assertThat(result.requests()).isEqualTo(REQUESTS);
        assertThat(result.errors().total()).as(String.join("; ", result.firstErrors())).isZero();
        assertThat(result.params().transport()).isEqualTo(c.transport());
        assertThat(result.params().targets()).containsExactly(target);

        serve.getOutputStream().close();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isZero();
        assertThat(socket).as("the socket file is removed on stop").doesNotExist();
    }

    @Test
    void shouldRefuseATransportTheDesignCannotServeInOneLineWithExit2() {
        Path socket = dir.resolve("threads.sock");
        ReportCliFixture.Outcome serve = run("serve", "--server", "threads", "--app", "echo", "--listen", "unix:" + socket);
        assertThat(serve.exitCode()).isEqualTo(2);
        assertThat(serve.err().lines().toList())
                .containsExactly("serve: design threads cannot listen on unix (it serves: tcp)");
        assertThat(serve.out()).isEmpty();
        assertThat(socket).doesNotExist();

        ReportCliFixture.Outcome udpHttp = run("serve", "--server", "engine-epoll", "--app", "http", "--listen", "udp:127.0.0.1:0");
        assertThat(udpHttp.exitCode()).isEqualTo(2);
        assertThat(udpHttp.err().lines().toList())
                .containsExactly("serve: udp serves the echo app only (one datagram per request), not http");

        ReportCliFixture.Outcome loadUdpHttp = run("load", "--target", "udp:127.0.0.1:9", "--app", "http", "--duration", "1s");
        assertThat(loadUdpHttp.exitCode()).isEqualTo(2);
        assertThat(loadUdpHttp.err().lines().toList())
                .containsExactly("load: udp targets take the echo app only (one datagram per request), not http");
    }

    @Test
    void shouldRefuseListenTogetherWithHostOrPortAndABadListenAddress() {
        ReportCliFixture.Outcome both = run("serve", "--server", "engine-nio", "--app", "echo", "--port", "0", "--listen",
                "udp:127.0.0.1:0");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().lines().toList()).containsExactly("serve: --listen gives the address: drop --host and --port");

        ReportCliFixture.Outcome bad = run("serve", "--server", "engine-nio", "--app", "echo", "--listen", "udp:127.0.0.1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().lines().toList()).containsExactly(
                "serve: bad --listen 'udp:127.0.0.1' (expected HOST:PORT; --listen takes tcp:HOST:PORT, udp:HOST:PORT or unix:PATH)");
    }

    @Test
    void shouldListTheTransportsOfEveryDesign() {
        ReportCliFixture.Outcome servers = run("servers");
        assertThat(servers.exitCode()).isZero();
        assertThat(servers.out().lines().toList())
                .anyMatch(line -> line.matches("engine-epoll +available +tcp, udp, unix +gnet-style.*"))
                .anyMatch(line -> line.matches("netty-nio +available +tcp, udp, unix +Netty.*"))
                .anyMatch(line -> line.matches("threads +available +tcp +thread per connection.*"));
    }

    /** Runs the CLI in this JVM, capturing what it prints (the report tests' helper). */
    private static ReportCliFixture.Outcome run(String... args) {
        return ReportCliFixture.execute(args);
    }
}
