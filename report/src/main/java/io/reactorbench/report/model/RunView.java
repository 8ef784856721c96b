package io.reactorbench.report.model;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.CellRef;
import io.reactorbench.results.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A results directory as the report sees it: the run's header, its cell index and every trial whose
 * summary.json could be read, and the runner's notes (designs skipped here and the like). Built once by a reader;
 * charts and tables only look at it. Text the run did not record reads as empty, in the environment and the cell
 * index too (a cell's reason and dir).
 */
public record RunView(Path dir, String id, String suite, String status, String startedAt, String finishedAt,
                      Environment environment, List<CellRef> cells, List<TrialResult> trials, List<String> notes) {

    public RunView {
        cells = List.copyOf(cells);
        trials = List.copyOf(trials);
        notes = List.copyOf(notes);
    }

    /** Trials grouped by scenario label, then design, both sorted so every table and chart has one order. */
    public Map<String, Map<String, List<TrialResult>>> trialsByScenarioAndDesign() {
        return trials.stream().collect(Collectors.groupingBy(t -> t.cell().scenarioKey(), TreeMap::new,
                Collectors.groupingBy(t -> t.cell().design(), TreeMap::new, Collectors.toList())));
    }

    /** Whether no cell has more than one successful trial: every number is a single measurement without a spread. */
    public boolean oneTrialPerCell() {
        return trials.stream().filter(TrialResult::ok)
                .collect(Collectors.groupingBy(TrialResult::cell, Collectors.counting()))
                .values().stream().allMatch(n -> n <= 1);
    }

    /** Distinct design ids, sorted, over trials and cells (a design whose every cell failed still counts). */
    public List<String> designs() {
        return Stream.concat(cells.stream().map(CellRef::cellKey), trials.stream().map(TrialResult::cell))
                .map(CellKey::design).distinct().sorted().toList();
    }
}
