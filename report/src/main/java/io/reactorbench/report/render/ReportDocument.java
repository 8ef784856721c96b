package io.reactorbench.report.render;

import java.util.List;
import java.util.Map;

/**
 * A whole report as data. {@link HtmlRenderer} and {@link MarkdownRenderer} both draw this one object, so
 * index.html and report.md hold the same tables with the same numbers.
 */
public record ReportDocument(String title, Map<String, String> facts, List<Section> sections) {

    public ReportDocument {
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        sections = List.copyOf(sections);
    }
}
