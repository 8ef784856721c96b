package io.reactorbench.report;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.chart.DesignPalette;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.read.RunReader;
import io.reactorbench.report.render.ReportDocument;
import io.reactorbench.report.render.Section;
import io.reactorbench.report.table.CeilingCompareTables;
import io.reactorbench.report.table.CompareTables;
import io.reactorbench.report.table.Table;
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

    /**
     * Said when A and B are one run: the same directory shows no change by construction; the same run id in two
     * directories means one is a copy of the other, perhaps edited.
     */
    static java.util.Optional<String> sameRun(RunView a, RunView b) {
        if (a.dir().toAbsolutePath().normalize().equals(b.dir().toAbsolutePath().normalize())) {
            return java.util.Optional.of("A and B are the same run (" + a.id() + ", the same directory): this "
                    + "compares a run with itself, so it shows no change by construction, not a measurement that "
                    + "nothing changed.");
        }
        if (!a.id().isEmpty() && a.id().equals(b.id())) {
            return java.util.Optional.of("A and B carry the same run id (" + a.id() + "): one is a copy of the other, "
                    + "not a second measurement.");
        }
        return java.util.Optional.empty();
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
        List<String> paragraphs = new ArrayList<>();
        sameRun(a, b).ifPresent(paragraphs::add);
        if (a.oneTrialPerCell() || b.oneTrialPerCell()) {
            paragraphs.add(HtmlReport.ONE_TRIAL.replace("Each cell ran once", "A side ran each cell once"));
        }
        paragraphs.add("Change = (B − A) / A of the medians over successful trials. "
                + "⚠ marks a change beyond the trials' spread: B's median outside A's min–max and A's median outside "
                + "B's. " + CompareTables.NO_SPREAD + ": a side ran one trial, so it has no spread and no change is "
                + "marked. Timings drift on a shared machine: trust ratios measured in the same run more than these.");
        // What moved most comes first; every metric of every cell follows.
        sections.add(new Section("Biggest changes", paragraphs, List.of(CompareTables.biggest(a, b)), List.of(), List.of()));
        sections.add(new Section("Changes", List.of(), CompareTables.of(a, b), List.of(), List.of()));
        List<Table> ceilings = CeilingCompareTables.of(a, b);
        if (!ceilings.isEmpty()) {
            sections.add(new Section("Connection ceilings", List.of("Per design, the connections held at the highest "
                    + "step each ramp completed, and per step both ramps completed what a connection cost and the active "
                    + "requests' p99. Steps are those of each side's median-ceiling trial."), ceilings, List.of(),
                    List.of()));
        }
        HtmlReport.chartSections(charts, sections);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("A", a.id() + " (" + a.environment().cpuModel() + ", " + a.environment().jdk() + ", " + a.status() + ")");
        facts.put("B", b.id() + " (" + b.environment().cpuModel() + ", " + b.environment().jdk() + ", " + b.status() + ")");
        return ReportFiles.write(new ReportDocument("reactorbench compare: " + a.id() + " → " + b.id(), facts, sections),
                outDir);
    }
}
