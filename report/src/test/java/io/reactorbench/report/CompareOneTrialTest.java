package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} where a side ran one trial per cell (a smoke run), and where A and B are one run: neither may
 * flag a change as beyond a spread that was never measured.
 */
@Timeout(180)
class CompareOneTrialTest {

    @TempDir
    Path temp;

    @Test
    void shouldSayNEqualsOneAndFlagNothingWhenEachSideRanOneTrial() throws IOException {
        Path a = oneTrialCopy(temp.resolve("A"));
        Path b = oneTrialCopy(temp.resolve("B"));
        // engine-nio echo-open: 9,990 → 10,090 req/s, +1 %: a single pair of numbers cannot tell that from noise.
        Path summary = b.resolve("echo-open/engine-nio/trial-1/summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"throughput\" : 9990.0", "\"throughput\" : 10089.9"));

        ReportPage page = ReportPage.read(CompareReport.write(a, b, temp.resolve("out")));

        List<ReportPage.Cell> row = page.table("echo-open").stream()
                .filter(r -> r.get(0).value().equals("engine-nio") && r.get(1).value().equals("throughput (req/s)"))
                .findFirst().orElseThrow();
        assertThat(row.get(4)).isEqualTo(new ReportPage.Cell("+1 %", "", false, false));
        assertThat(row.get(5).value()).isEqualTo("n = 1");
        assertThat(page.html()).doesNotContain("⚠</td>").contains("1 trial: a sanity check, not a verdict");
        assertThat(Files.readString(temp.resolve("out/report.md"))).contains("| +1 % | n = 1 |").doesNotContain("worse");
    }

    @Test
    void shouldSayWhenARunIsComparedWithItself() throws IOException {
        Path a = Fixture.copyTo(temp.resolve("A"));

        String html = ReportPage.read(CompareReport.write(a, a, temp.resolve("out"))).html();

        assertThat(html).contains("A and B are the same run (20260101-000000-fixture, the same directory): this "
                + "compares a run with itself");
    }

    /** The fixture with only each cell's first trial left. */
    private static Path oneTrialCopy(Path target) throws IOException {
        Path run = Fixture.copyTo(target);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path dir : files.filter(p -> p.getFileName().toString().equals("trial-2")).toList()) {
                try (Stream<Path> inside = Files.list(dir)) {
                    for (Path file : inside.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(dir);
            }
        }
        return run;
    }
}
