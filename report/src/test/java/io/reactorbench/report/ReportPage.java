package io.reactorbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light reading of a written index.html, as a person would read the page: the tables' rows as cell texts
 * (value, and the spread under it). Regexes suffice because the renderer writes one row per line.
 */
record ReportPage(String html) {

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>");
    private static final Pattern TABLE = Pattern.compile("<h3>(.*?)</h3>\\s*<table>(.*?)</table>", Pattern.DOTALL);
    private static final Pattern IMAGE = Pattern.compile("<img [^>]*src=\"([^\"]*)\"");

    static ReportPage read(Path index) {
        try {
            return new ReportPage(Files.readString(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the table whose heading starts with {@code titlePrefix}, each a list of cell texts. */
    List<List<Cell>> table(String titlePrefix) {
        Matcher tables = TABLE.matcher(html);
        while (tables.find()) {
            if (unescape(tables.group(1)).startsWith(titlePrefix)) {
                List<List<Cell>> rows = new ArrayList<>();
                Matcher row = ROW.matcher(tables.group(2));
                while (row.find()) {
                    List<Cell> cells = new ArrayList<>();
                    Matcher cell = CELL.matcher(row.group(1));
                    while (cell.find()) {
                        cells.add(Cell.of(cell.group(0), cell.group(1)));
                    }
                    if (!cells.isEmpty()) {
                        rows.add(cells);
                    }
                }
                return rows;
            }
        }
        throw new AssertionError("no table titled '" + titlePrefix + "…' in the page");
    }

    /** The row of {@code design} in a table. */
    List<Cell> row(String titlePrefix, String design) {
        return table(titlePrefix).stream().filter(r -> r.getFirst().value().equals(design)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + design + " in " + titlePrefix));
    }

    List<String> imageSources() {
        List<String> sources = new ArrayList<>();
        Matcher m = IMAGE.matcher(html);
        while (m.find()) {
            sources.add(m.group(1));
        }
        return sources;
    }

    /** One table cell: its main value, the spread under it, whether it is marked best. */
    record Cell(String value, String spread, boolean best, boolean flagged) {

        static Cell of(String whole, String inner) {
            String spread = "";
            int div = inner.indexOf("<div class=\"spread\">");
            String main = inner;
            if (div >= 0) {
                spread = unescape(inner.substring(div).replaceAll("<[^>]+>", ""));
                main = inner.substring(0, div);
            }
            String value = unescape(main.replaceAll("<[^>]+>", "")).replace("★", "").replace("⚠", "").trim();
            return new Cell(value, spread, whole.startsWith("<td class=\"best\""), whole.startsWith("<td class=\"flagged\""));
        }
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
