package io.reactorbench.report.table;

/**
 * One cell of a report table: its main text, an optional detail (the min–max spread) and flags that the
 * renderers turn into emphasis. The text is already formatted by {@link io.reactorbench.report.render.Numbers}.
 */
public record TableCell(String text, String detail, boolean best, boolean flagged) {

    public static TableCell text(String text) {
        return new TableCell(text, "", false, false);
    }
}
