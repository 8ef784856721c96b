package io.reactorbench.results.gate;

import io.reactorbench.results.CellKey;
import io.reactorbench.results.Environment;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the gate judges, from a run directory or a baseline file alike.
 *
 * @param source       the path it was read from, for messages
 * @param runId        the run's id
 * @param environment  the machine it was measured on (may be null in hand-written baselines)
 * @param cells        the ok trials of every cell, by cell
 * @param unjudgeable  reasons the numbers cannot be trusted as a whole (incomplete run, failed cells); the gate
 *                     exits 2 when any is present
 */
public record Measurements(
        String source,
        String runId,
        Environment environment,
        Map<CellKey, CellTrials> cells,
        List<String> unjudgeable) {

    public Measurements {
        cells = java.util.Collections.unmodifiableMap(new TreeMap<>(cells));
        unjudgeable = List.copyOf(unjudgeable);
    }

    /** Nothing measured: the baseline of a gate that checks budgets only. */
    public static Measurements none() {
        return new Measurements("(no baseline)", null, null, java.util.Map.of(), List.of());
    }

    public CellTrials cell(CellKey key) {
        return cells.get(key);
    }
}
