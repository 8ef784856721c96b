package io.reactorbench.report;

import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.chart.DesignPalette;
import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.read.JmhReader;
import io.reactorbench.report.read.RunReader;
import io.reactorbench.report.render.ReportDocument;
import io.reactorbench.report.render.Section;
import io.reactorbench.report.table.ClientBound;
import io.reactorbench.report.table.GeneratorBehind;
import io.reactorbench.report.table.JmhTable;
import io.reactorbench.report.table.SummaryTables;
import io.reactorbench.results.CellRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report of one run: {@code <run>/report/index.html} (one file, opens offline), {@code report.md} and the
 * chart PNGs next to them. The entry point for {@code reactorbench report} and for {@code run}'s last step.
 */
public final class HtmlReport {

    public static final String DEFAULT_DIR = "report";

    private HtmlReport() {
    }

    /** Writes the report of {@code runDir} into {@code runDir/report/} and returns the index.html path. */
    public static Path write(Path runDir) {
        return write(runDir, runDir.resolve(DEFAULT_DIR), null);
    }

    /**
     * Writes the report of {@code runDir} into {@code outDir}, with a JMH section when {@code jmhJson} is not
     * null. Throws IllegalArgumentException (one-line message) when runDir is not a results directory.
     */
    public static Path write(Path runDir, Path outDir, Path jmhJson) {
        System.setProperty("java.awt.headless", "true");
        RunView run = RunReader.read(runDir);
        ReportFiles.createDirectory(outDir);
        DesignPalette palette = new DesignPalette(run.designs());
        List<ChartFile> charts = new RunCharts(run, palette, outDir).writeAll();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Summary", summaryParagraphs(run), SummaryTables.of(run), List.of(), runNotes(run)));
        SyscallSection.of(run).ifPresent(sections::add);
        Map<String, List<ChartFile>> bySection = charts.stream().collect(Collectors.groupingBy(ChartFile::section));
        CeilingSection.of(run, bySection.getOrDefault(CeilingCharts.SECTION, List.of())).ifPresent(sections::add);
        SweepSection.of(run, bySection.getOrDefault(SweepCharts.SECTION, List.of())).ifPresent(sections::add);
        chartSections(charts.stream().filter(c -> !c.section().equals(CeilingCharts.SECTION)
                && !c.section().equals(SweepCharts.SECTION)).toList(), sections);
        if (jmhJson != null) {
            sections.add(jmhSection(jmhJson));
        }
        return ReportFiles.write(new ReportDocument("reactorbench report: " + run.id(), EnvironmentFacts.of(run),
                sections), outDir);
    }

    /** A report with only the JMH section, for {@code reactorbench report --jmh FILE} without a run. */
    public static Path writeJmhOnly(Path jmhJson, Path outDir) {
        ReportFiles.createDirectory(outDir);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("source", jmhJson.toString());
        return ReportFiles.write(new ReportDocument("reactorbench microbenchmarks", facts,
                List.of(jmhSection(jmhJson))), outDir);
    }

    static Section jmhSection(Path jmhJson) {
        return new Section("Microbenchmarks (JMH)",
                List.of("From " + jmhJson.getFileName() + ". Score ± error as JMH reports it (99.9 % confidence "
                        + "interval); gc.alloc.rate.norm is bytes allocated per operation (-prof gc)."),
                List.of(JmhTable.of(JmhReader.read(jmhJson))), List.of(), List.of());
    }

    /** Groups charts under their section heading, keeping the order in which they were drawn. */
    static void chartSections(List<ChartFile> charts, List<Section> sections) {
        Map<String, List<ChartFile>> bySection = charts.stream().collect(
                Collectors.groupingBy(ChartFile::section, LinkedHashMap::new, Collectors.toList()));
        bySection.forEach((heading, files) -> sections.add(new Section(heading, List.of(), List.of(), files, List.of())));
    }

    /** Said first where a run measured each cell once; {@code compare} says it too. */
    public static final String ONE_TRIAL = "1 trial: a sanity check, not a verdict. Each cell ran once, so no number "
            + "below has a spread to tell a difference from noise; run more trials before trusting one.";

    private static List<String> summaryParagraphs(RunView run) {
        List<String> paragraphs = new ArrayList<>();
        if (run.oneTrialPerCell()) {
            paragraphs.add(ONE_TRIAL);
        }
        paragraphs.add("Each number is the median over the successful trials of a cell, with min–max below it. "
                + "★ marks the best median of a column, except where a load generator was saturated ("
                + ClientBound.MARK + "): there the client, not the server, set throughput and latency. Latency is corrected for coordinated omission where the "
                + "load was open loop (measured from the intended send time); " + GeneratorBehind.MARK + " marks the "
                + "latency of a design whose load generator fell behind that schedule, which then holds the generator's "
                + "own delay: no design is crowned in a latency column where one is marked.");
        paragraphs.addAll(LoadPlacementNotes.of(run));
        return paragraphs;
    }

    /** The run's status and cells that left no numbers at all (their scenario has no table). */
    private static List<String> runNotes(RunView run) {
        List<String> notes = new ArrayList<>(run.notes());
        if (!"complete".equals(run.status())) {
            notes.add("run status is '" + run.status() + "': some cells may be missing");
        }
        Set<String> withTrials = run.trials().stream().map(t -> t.cell().scenarioKey()).collect(Collectors.toSet());
        for (CellRef cell : run.cells()) {
            if (!withTrials.contains(cell.scenarioKey())) {
                notes.add(cell.scenarioKey() + " / " + cell.design() + " trial " + cell.trial()
                        + (cell.ok() ? ": no summary.json" : " failed" + (cell.reason().isEmpty() ? "" : ": " + cell.reason())));
            }
        }
        if (run.trials().stream().noneMatch(TrialResult::ok)) {
            notes.add("no trial succeeded: the run has no numbers to show");
        }
        return notes;
    }
}
