package io.reactorbench.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.CellSummary;
import io.reactorbench.results.Results;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's lines for the ceiling fixture run (report/src/test/resources/ceiling-run). */
class CeilingCellsTest {

    private static final List<CellSummary> CELLS = Results.readSummaries(Path.of("src/test/resources/ceiling-run"));

    private static CellSummary cell(String design) {
        return CELLS.stream().filter(s -> s.design().equals(design)).findFirst().orElseThrow();
    }

    @Test
    void shouldPrintWhatACeilingCellHeldAndWhyItStoppedInsteadOfItsRate() {
        assertThat(CellLine.of(cell("netty-epoll"))).isEqualTo("held 50.0k connections (stopped by memory-guard), "
                + "at 50.0k: heap 122B/conn, rss 890B/conn, kernel 10.0KiB/conn, p99 4.50ms");
        assertThat(CellLine.of(cell("engine-epoll"))).isEqualTo("held 100.0k connections (completed), "
                + "at 100.0k: heap 60B/conn, rss 380B/conn, kernel 10.0KiB/conn, p99 3.00ms");
    }

    @Test
    void shouldShowHeldStopAndTheTopStepsCostsInTheEndOfRunTable() {
        String table = EndOfRunTable.render(CELLS);

        assertThat(table).containsPattern("design +held +stopped by +heap/conn +rss/conn +kernel/conn +p99 +error rate ");
        // The fixture's summaries predate the steps' error rate: "-" beside the p99.
        assertThat(table).containsPattern("engine-epoll +100\\.0k +completed +60B +380B +10\\.0KiB +3\\.00ms +- +3 / 4\\.0ms");
        assertThat(table).containsPattern("netty-epoll +50\\.0k +memory-guard +122B +890B +10\\.0KiB +4\\.50ms +- +2 / 3\\.0ms");
        assertThat(table).doesNotContain("req/s");
        assertThat(table).contains("netty-epoll in ramp: stopped by memory-guard (MemAvailable 1.9 GiB fell below");
        assertThat(table).doesNotContain("engine-epoll in ramp: stopped");
    }
}
