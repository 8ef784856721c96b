package io.reactorbench.report;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Section;
import io.reactorbench.report.table.CeilingStepTable;
import io.reactorbench.report.table.CeilingTrials;
import io.reactorbench.report.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's part on connection-ceiling scenarios: what the step tables' columns mean, a step table per design
 * (its trial with the median ceiling), and the ceiling charts. Absent when the run ramped nothing.
 */
final class CeilingSection {

    static final String INTRO = "A connection-ceiling scenario opens connections in steps, verifies each connection "
            + "with an echo round trip, then holds the step while a small open-loop request rate runs over random "
            + "connections; the ramp stops at the first step it cannot complete (errors, a limit, the memory guard) "
            + "and keeps the steps before it. Per connection: the growth since before the ramp, over the connections "
            + "held; server RSS and heap (after a GC) summed over the server's processes, kernel = the machine's slab, "
            + "per loopback connection pair. GC pauses: the server's during the step, the runner's own GCs left out. "
            + "Latency: the active requests, corrected for coordinated omission.";

    private CeilingSection() {
    }

    /** @param charts the ceiling charts ({@link CeilingCharts#SECTION}), in the order drawn */
    static Optional<Section> of(RunView run, List<ChartFile> charts) {
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<TrialResult>>> scenario : ScenarioGroups.of(run).ceiling().entrySet()) {
            scenario.getValue().forEach((design, trials) -> CeilingTrials.representative(trials).ifPresent(trial ->
                    tables.add(CeilingStepTable.of(scenario.getKey(), trial,
                            trials.stream().filter(TrialResult::ok).count()))));
        }
        if (tables.isEmpty() && charts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section(CeilingCharts.SECTION, List.of(INTRO), tables, charts, List.of()));
    }
}
