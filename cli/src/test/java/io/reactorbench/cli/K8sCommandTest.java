package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.reactorbench.cli.ReportCliFixture.Outcome;
import io.reactorbench.k8s.ManifestYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reactorbench k8s}: the YAML it prints, what the pods will read from it, and its refusals. */
class K8sCommandTest {

    @TempDir
    Path temp;

    private static List<HasMetadata> objects(Outcome outcome) {
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        return ManifestYaml.read(outcome.out());
    }

    @Test
    void shouldPrintTheRunsObjectsForKAgentsAsOneYaml() {
        Outcome outcome = ReportCliFixture.execute("k8s", "--agents", "3", "--target", "echo.bench.svc:7000",
                "--connections", "3k", "--rate", "6k", "--name", "bench");

        List<HasMetadata> objects = objects(outcome);
        assertThat(objects).extracting(HasMetadata::getKind).containsExactly("Secret", "ConfigMap", "Service", "Job", "Job");
        Job agents = (Job) objects.get(4);
        assertThat(agents.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(agents.getSpec().getParallelism()).isEqualTo(3);
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void shouldHandThePodsLoadOptionsThatLoadsOwnParserReadsBackFromTheFile() throws Exception {
        Outcome outcome = ReportCliFixture.execute("k8s", "--agents", "2", "--target", "svc:8080", "--app", "http",
                "--connections", "2k", "--header", "X-Run: a #1", "--body", "{\"path\": \"C:\\tmp\"}",
                "--threshold", "p99<5ms", "--threshold", "errors<0.1%", "--duration", "30s");
        ConfigMap load = (ConfigMap) objects(outcome).get(1);
        Path file = Files.writeString(temp.resolve("load.args"), load.getData().get("load.args"));

        // The words '@/etc/reactorbench/load.args' stands for on the pods' command lines, read as reactorbench reads them.
        LoadCommand parsed = new LoadCommand();
        new CommandLine(parsed).parseArgs(ArgumentFiles.read(file).toArray(String[]::new));
        assertThat(parsed.targets).containsExactly("svc:8080");
        assertThat(parsed.app).isEqualTo("http");
        assertThat(parsed.connections).isEqualTo(2000);
        assertThat(parsed.http.headers).containsExactly("X-Run: a #1");
        assertThat(parsed.http.body).isEqualTo("{\"path\": \"C:\\tmp\"}");
        assertThat(parsed.thresholds).containsExactly("p99<5ms", "errors<0.1%");
        assertThat(parsed.duration).isEqualTo("30s");
    }

    @Test
    void shouldMakeAFreshTokenForEveryRun() {
        String first = token(ReportCliFixture.execute("k8s", "--agents", "1", "--target", "svc:1"));
        String second = token(ReportCliFixture.execute("k8s", "--agents", "1", "--target", "svc:1"));

        assertThat(first).isNotEqualTo(second);
        assertThat(java.util.Base64.getUrlDecoder().decode(first)).hasSize(32);
    }

    private static String token(Outcome outcome) {
        Secret secret = (Secret) objects(outcome).getFirst();
        return new String(java.util.Base64.getDecoder().decode(secret.getData().get("token")),
                java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void shouldWarnOnOneLineWhenAnAgentsShareOutgrowsWhatOnePodHolds() {
        Outcome outcome = ReportCliFixture.execute("k8s", "--agents", "2", "--target", "svc:1", "--connections", "200k");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err().lines().toList()).singleElement().asString()
                .startsWith("k8s: warning: 200,000 connections over 2 agents is 100,000 per agent")
                .endsWith("use --agents 4 or more");
    }

    @Test
    void shouldRefuseBadInputWithOneLineAndExitTwo() {
        List<List<String>> bad = List.of(
                List.of("--agents", "0", "--target", "svc:1"),
                List.of("--agents", "2", "--target", "svc:1", "--bogus", "3"),
                List.of("--agents", "2", "--target", "svc"),
                List.of("--agents", "2", "--target", "unix:/tmp/x.sock"),
                List.of("--agents", "2", "--target", "svc:1", "--connections", "many"),
                List.of("--agents", "2", "--target", "svc:1", "--json", "out.json"),
                List.of("--agents", "2", "--target", "svc:1", "--body", "@req.json"),
                List.of("--agents", "2", "--target", "svc:1", "--steps", "10k,20k"),
                List.of("--agents", "2", "--target", "svc:1", "--model", "sweep"),
                List.of("--agents", "2", "--target", "svc:1", "--name", "Bad_Name"),
                List.of("--agents", "2", "--target", "svc:1", "--results-hold", "soon"));
        for (List<String> args : bad) {
            String[] line = java.util.stream.Stream.concat(java.util.stream.Stream.of("k8s"), args.stream())
                    .toArray(String[]::new);
            Outcome outcome = ReportCliFixture.execute(line);
            assertThat(outcome.exitCode()).as("%s: %s", args, outcome.err()).isEqualTo(2);
            assertThat(outcome.err().lines().toList()).as("%s", args).singleElement().asString().startsWith("k8s: ");
            assertThat(outcome.out()).as("%s", args).isEmpty();
        }
    }
}
