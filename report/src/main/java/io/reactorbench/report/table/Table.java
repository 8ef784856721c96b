package io.reactorbench.report.table;

import java.util.List;

/** A titled table as data; HTML and Markdown renderers draw the same object, so they cannot disagree. */
public record Table(String title, List<String> headings, List<List<TableCell>> rows, List<String> notes) {

    public Table {
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }
}
