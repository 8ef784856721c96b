package io.reactorbench.scenarios.run;

import io.reactorbench.results.CellSummary;
import java.util.List;
import java.util.function.Function;

/**
 * How the runner shows people what it measured: a line per finished cell and the end-of-run table. The runner
 * measures and writes results as data; its caller supplies the text (the CLI passes the report module's console
 * renderers), so that scenarios does not depend on report, its charts and their libraries, to print two strings.
 */
public interface SummaryRenderer {

    /** After a cell that succeeded: its headline figures on one line. */
    String cellLine(CellSummary cell);

    /** After the run: every cell, one block per scenario variant. */
    String table(List<CellSummary> summaries);

    static SummaryRenderer of(Function<CellSummary, String> cellLine, Function<List<CellSummary>, String> table) {
        return new SummaryRenderer() {
            @Override
            public String cellLine(CellSummary cell) {
                return cellLine.apply(cell);
            }

            @Override
            public String table(List<CellSummary> summaries) {
                return table.apply(summaries);
            }
        };
    }
}
