package io.reactorbench.report;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.chart.DesignPalette;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.read.RunReader;
import io.reactorbench.report.render.ReportDocument;
import io.reactorbench.report.render.Section;
import io.reactorbench.report.table.CompareTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two runs side by side (before and after a change, or two machines): index.html and report.md with the
 * change of every metric and charts with both runs overlaid. The entry point for {@code reactorbench compare}.
 */
public final class CompareReport {

    private CompareReport() {
    }

    /** Where {@code compare} writes when no --out is given: {@code <B>/compare-vs-<A's directory name>}. */
    public static Path defaultOutDir(Path runA, Path runB) {
        return runB.resolve("compare-vs-" + runA.toAbsolutePath().normalize().getFileName());
    }

    /** Writes the comparison of {@code runA} (before) and {@code runB} (after) and returns index.html's path. */
    public static Path write(Path runA, Path runB, Path outDir) {
        System.setProperty("java.awt.headless", "true");
        RunView a = RunReader.read(runA);
        RunView b = RunReader.read(runB);
        ReportFiles.createDirectory(outDir);
        DesignPalette palette = new DesignPalette(Stream.concat(a.designs().stream(), b.designs().stream()).toList());
        List<ChartFile> charts = new CompareCharts(ScenarioGroups.of(a), ScenarioGroups.of(b), palette, outDir).writeAll();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Changes", List.of("Change = (B − A) / A of the medians over successful trials. "
                + "⚠ marks a change beyond the trials' spread: B's median outside A's min–max and A's median outside "
                + "B's. Timings drift on a shared machine: trust ratios measured in the same run more than these."),
                CompareTables.of(a, b), List.of(), List.of()));
        HtmlReport.chartSections(charts, sections);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("A", a.id() + " (" + a.environment().cpuModel() + ", " + a.environment().jdk() + ", " + a.status() + ")");
        facts.put("B", b.id() + " (" + b.environment().cpuModel() + ", " + b.environment().jdk() + ", " + b.status() + ")");
        return ReportFiles.write(new ReportDocument("reactorbench compare: " + a.id() + " → " + b.id(), facts, sections),
                outDir);
    }
}
