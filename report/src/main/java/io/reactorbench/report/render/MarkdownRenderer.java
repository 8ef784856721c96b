package io.reactorbench.report.render;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.table.Table;
import io.reactorbench.report.table.TableCell;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ReportDocument} as GitHub-flavoured Markdown for CI pages and pull requests: the same
 * tables as the HTML page, charts as links to the PNG files next to the Markdown file.
 */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    /** {@code markdownDir}: where report.md is written, so that chart links are relative to it. */
    public static String render(ReportDocument doc, Path markdownDir) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(doc.title()).append("\n\n");
        for (Map.Entry<String, String> fact : doc.facts().entrySet()) {
            md.append("- **").append(escape(fact.getKey())).append(":** ").append(escape(fact.getValue())).append('\n');
        }
        md.append('\n');
        for (Section section : doc.sections()) {
            md.append("## ").append(section.heading()).append("\n\n");
            section.paragraphs().forEach(p -> md.append(escape(p)).append("\n\n"));
            section.tables().forEach(t -> table(md, t));
            for (ChartFile chart : section.charts()) {
                String link = markdownDir.relativize(chart.png()).toString().replace('\\', '/');
                md.append("![").append(escape(chart.title())).append("](").append(link).append(")\n\n*")
                        .append(escape(chart.caption())).append('*');
                if (chart.hasSvg()) {
                    md.append(" ([SVG](").append(markdownDir.relativize(chart.svg()).toString().replace('\\', '/'))
                            .append("))");
                }
                md.append("\n\n");
            }
            notes(md, section.notes());
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Table table) {
        md.append("### ").append(escape(table.title())).append("\n\n|");
        table.headings().forEach(h -> md.append(' ').append(escape(h)).append(" |"));
        md.append("\n|");
        for (int i = 0; i < table.headings().size(); i++) {
            md.append(i == 0 ? " --- |" : " ---: |");
        }
        md.append('\n');
        for (List<TableCell> row : table.rows()) {
            md.append('|');
            for (TableCell cell : row) {
                String text = escape(cell.text());
                md.append(' ').append(cell.best() ? "**" + text + "** " + HtmlRenderer.BEST_MARK : text);
                if (cell.flagged()) {
                    md.append(' ').append(HtmlRenderer.FLAG_MARK);
                }
                if (!cell.detail().isEmpty()) {
                    md.append(" <br>(").append(escape(cell.detail())).append(')');
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        notes(md, table.notes());
    }

    private static void notes(StringBuilder md, List<String> notes) {
        notes.forEach(n -> md.append("- ⚠ ").append(escape(n)).append('\n'));
        if (!notes.isEmpty()) {
            md.append('\n');
        }
    }

    /** Table pipes and emphasis characters in free text would break the Markdown structure. */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
