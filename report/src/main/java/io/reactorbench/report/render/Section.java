package io.reactorbench.report.render;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.table.Table;
import java.util.List;

/** A headed part of a report: paragraphs, then tables, then charts, then notes (failed cells and the like). */
public record Section(String heading, List<String> paragraphs, List<Table> tables, List<ChartFile> charts,
                      List<String> notes) {

    public Section {
        paragraphs = List.copyOf(paragraphs);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
    }
}
