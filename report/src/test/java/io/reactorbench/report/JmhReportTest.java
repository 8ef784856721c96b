package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhReportTest {

    static final Path JMH = Path.of("src/test/resources/jmh/jmh-result.json");

    @TempDir
    Path temp;

    @Test
    void shouldTabulateScoreErrorUnitAndAllocationPerOperation() {
        Path index = HtmlReport.writeJmhOnly(JMH, temp.resolve("jmh"));
        ReportPage page = ReportPage.read(index);
        List<ReportPage.Cell> ring = page.row("JMH microbenchmarks", "RingBufferBenchmark.writeThenRead");
        assertThat(ring.stream().map(ReportPage.Cell::value))
                .containsExactly("RingBufferBenchmark.writeThenRead", "avgt", "size=64", "12.3", "0.432", "ns/op", "1.00e-04");
        List<ReportPage.Cell> balancer = page.row("JMH microbenchmarks", "LoadBalancerBenchmark.roundRobin");
        assertThat(balancer.stream().map(ReportPage.Cell::value))
                .containsExactly("LoadBalancerBenchmark.roundRobin", "thrpt", "loops=4, policy=ROUND_ROBIN",
                        "98,765,432", "–", "ops/s", "24");
    }

    @Test
    void shouldAddTheJmhSectionToARunReport() {
        Path run = Fixture.copyTo(temp.resolve("run"));
        Path index = HtmlReport.write(run, run.resolve("report"), JMH);
        assertThat(ReportPage.read(index).html()).contains("Microbenchmarks (JMH)", "RingBufferBenchmark.writeThenRead");
    }
}
