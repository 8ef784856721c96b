package io.reactorbench.report.table;

import io.reactorbench.report.console.EndOfRunTable;
import io.reactorbench.report.model.TrialResult;
import java.util.List;
import java.util.Map;

/**
 * A design whose load generator fell behind its send schedule in some successful trial: its corrected latency holds
 * the generator's own delay, so the latency columns say less about the server than they seem to. The mark and legend
 * are the end-of-run table's ({@link EndOfRunTable}), so the console and the report say the same about the same cell.
 */
public final class GeneratorBehind {

    public static final String MARK = EndOfRunTable.BEHIND_MARK;
    public static final String LEGEND = EndOfRunTable.BEHIND_LEGEND;

    private GeneratorBehind() {
    }

    /** Whether any successful trial's load generator fell behind. */
    public static boolean of(List<TrialResult> trials) {
        return trials.stream().anyMatch(t -> t.ok() && t.generatorBehind());
    }

    static boolean any(Map<String, List<TrialResult>> byDesign) {
        return byDesign.values().stream().anyMatch(GeneratorBehind::of);
    }
}
