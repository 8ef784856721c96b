package io.reactorbench.report;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.render.Section;
import io.reactorbench.report.table.SweepStepTable;
import io.reactorbench.report.table.SweepTrials;
import io.reactorbench.report.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's part on rate-sweep scenarios (issue 19 B): what a step is, a step table per design (its trial with
 * the median sustained rate), the hockey-stick charts and the sustained rates. Absent when the run swept nothing.
 */
final class SweepSection {

    static final String INTRO = "A rate sweep holds its connections and offers open-loop rates in steps, each with its "
            + "own warm-up and measured window; latency is corrected for coordinated omission, so a server that falls "
            + "behind its schedule shows it. A step meets the objective when its percentiles and error share are within "
            + "the limits and it answered 95 % of its offered rate; the sustained rate is the highest that met it below "
            + "the lowest that broke it. A search (find: max-rate) grows the rate geometrically until a step breaks the "
            + "objective, then bisects; a knee is claimed only when both sides of it were measured.";

    private SweepSection() {
    }

    /** @param charts the sweep charts ({@link SweepCharts#SECTION}), in the order drawn */
    static Optional<Section> of(RunView run, List<ChartFile> charts) {
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<TrialResult>>> scenario : ScenarioGroups.of(run).sweep().entrySet()) {
            scenario.getValue().forEach((design, trials) -> SweepTrials.representative(trials).ifPresent(trial ->
                    tables.add(SweepStepTable.of(scenario.getKey(), trial,
                            trials.stream().filter(TrialResult::ok).count()))));
        }
        if (tables.isEmpty() && charts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section(SweepCharts.SECTION, List.of(INTRO), tables, charts, List.of()));
    }
}
