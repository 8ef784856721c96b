package io.reactorbench.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.report.SweepFixture;
import org.junit.jupiter.api.Test;

/** The console's lines for the sweep fixture run ({@link SweepFixture}). */
class SweepCellsTest {

    @Test
    void shouldPrintWhatASweepSustainedInsteadOfItsRate() {
        assertThat(CellLine.of(SweepFixture.summaries().getFirst())).isEqualTo("5 steps: sustained 40000/s within the"
                + " objective; 60000/s broke it (the step bound (5) was reached)");
    }

    @Test
    void shouldShowSustainedRateAndKneeInTheEndOfRunTable() {
        String table = EndOfRunTable.render(SweepFixture.summaries());

        assertThat(table).containsPattern("design +sustained +broke at +knee +p99 there +steps ");
        assertThat(table).containsPattern("engine-epoll +40\\.0k +60\\.0k +found +3\\.00ms +5 ");
        assertThat(table).containsPattern("threads +20\\.0k +- +not found +1\\.65ms +2 ");
        assertThat(table).contains("threads in knee: no step broke the objective, up to 20000/s: the knee lies above");
        assertThat(table).doesNotContain("engine-epoll in knee:");
    }
}
