package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.model.RunView;
import io.reactorbench.report.read.RunReader;
import io.reactorbench.report.table.CompareTables;
import io.reactorbench.report.table.Table;
import io.reactorbench.report.table.TableCell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} of two sweep runs: the sustained rates side by side, not the steps' mixed throughput. */
class SweepCompareTest {

    @Test
    void shouldCompareTheSustainedRatesSideBySide(@TempDir Path temp) throws IOException {
        RunView a = RunReader.read(SweepFixture.writeRun(temp.resolve("A")));
        Path runB = SweepFixture.writeRun(temp.resolve("B"));
        Path engineB = runB.resolve(SweepFixture.SCENARIO + "/engine-epoll/trial-1/summary.json");
        Files.writeString(engineB, Files.readString(engineB).replace("\"sustainedRatePerSec\" : 40000.0",
                "\"sustainedRatePerSec\" : 30000.0"));
        RunView b = RunReader.read(runB);

        Table table = CompareTables.of(a, b).getFirst();

        List<List<String>> rows = table.rows().stream()
                .map(row -> row.stream().map(TableCell::text).toList()).toList();
        assertThat(rows).contains(List.of("engine-epoll", "sustained (req/s)", "40,000", "30,000", "−25 %", "n = 1"),
                List.of("threads", "sustained (req/s)", "20,000", "20,000", "±0 %", "n = 1"));
        assertThat(rows).noneMatch(row -> row.get(1).startsWith("throughput"));
    }
}
