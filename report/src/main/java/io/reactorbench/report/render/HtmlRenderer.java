package io.reactorbench.report.render;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.table.Table;
import io.reactorbench.report.table.TableCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML5 page: styles inline and every chart inlined
 * as a base64 PNG data URI, so the file opens offline and can be mailed or attached to a CI job alone.
 */
public final class HtmlRenderer {

    static final String BEST_MARK = "★";
    static final String FLAG_MARK = "⚠";

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}h3{font-size:1.05em}
            table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}
            th,td{border:1px solid #ddd;padding:.3em .6em;text-align:right;vertical-align:top}
            th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
            td.best{background:#eef7ee}td.flagged{background:#fff3e0}
            .spread{color:#777;font-size:.85em}
            dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.facts dt{font-weight:bold}
            dl.facts dd{margin:0}figure{margin:1em 0}figcaption{color:#555;font-size:.9em}
            img{max-width:100%;height:auto;border:1px solid #eee}.notes li{color:#a33}
            """;

    private HtmlRenderer() {
    }

    public static String render(ReportDocument doc) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(doc.title())).append("</h1>\n");
        if (!doc.facts().isEmpty()) {
            html.append("<dl class=\"facts\">\n");
            for (Map.Entry<String, String> fact : doc.facts().entrySet()) {
                html.append("<dt>").append(escape(fact.getKey())).append("</dt><dd>").append(escape(fact.getValue()))
                        .append("</dd>\n");
            }
            html.append("</dl>\n");
        }
        for (Section section : doc.sections()) {
            html.append("<section>\n<h2>").append(escape(section.heading())).append("</h2>\n");
            section.paragraphs().forEach(p -> html.append("<p>").append(escape(p)).append("</p>\n"));
            section.tables().forEach(t -> table(html, t));
            section.charts().forEach(c -> chart(html, c));
            notes(html, section.notes());
            html.append("</section>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<h3>").append(escape(table.title())).append("</h3>\n<table>\n<thead><tr>");
        table.headings().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<TableCell> row : table.rows()) {
            html.append("<tr>");
            for (TableCell cell : row) {
                String cls = cell.best() ? " class=\"best\"" : cell.flagged() ? " class=\"flagged\"" : "";
                html.append("<td").append(cls).append('>');
                html.append(cell.best() ? "<strong>" + escape(cell.text()) + "</strong> " + BEST_MARK : escape(cell.text()));
                if (cell.flagged()) {
                    html.append(' ').append(FLAG_MARK);
                }
                if (!cell.detail().isEmpty()) {
                    html.append("<div class=\"spread\">").append(escape(cell.detail())).append("</div>");
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        notes(html, table.notes());
    }

    private static void chart(StringBuilder html, ChartFile chart) {
        byte[] png;
        try {
            png = Files.readAllBytes(chart.png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        html.append("<figure>\n<img alt=\"").append(escape(chart.title())).append("\" width=\"").append(chart.widthPx())
                .append("\" height=\"").append(chart.heightPx()).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption>")
                .append(escape(chart.caption())).append("</figcaption>\n</figure>\n");
    }

    private static void notes(StringBuilder html, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        html.append("<ul class=\"notes\">\n");
        notes.forEach(n -> html.append("<li>").append(escape(n)).append("</li>\n"));
        html.append("</ul>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
