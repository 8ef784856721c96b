package io.reactorbench.report;

import io.reactorbench.report.chart.BarChart;
import io.reactorbench.report.chart.BarSeries;
import io.reactorbench.report.chart.ChartFile;
import io.reactorbench.report.chart.ChartWriter;
import io.reactorbench.report.chart.DesignPalette;
import io.reactorbench.report.chart.FileNames;
import io.reactorbench.report.chart.PercentileChart;
import io.reactorbench.report.chart.PercentileCurve;
import io.reactorbench.report.chart.SmallMultiples;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.report.read.LatencyLog;
import io.reactorbench.report.table.Change;
import io.reactorbench.results.metric.Metric;
import io.reactorbench.report.table.TrialSpread;
import io.reactorbench.results.Spread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Charts of two runs overlaid: A solid (or full colour), B dashed (or lighter), one colour per design. */
final class CompareCharts {

    static final String SECTION_LATENCY = "Latency by percentile, A against B";
    static final String SECTION_CHANGE = "Change from A to B";

    private final ScenarioGroups a;
    private final ScenarioGroups b;
    private final DesignPalette palette;
    private final ChartWriter writer;

    CompareCharts(ScenarioGroups a, ScenarioGroups b, DesignPalette palette, Path dir) {
        this.a = a;
        this.b = b;
        this.palette = palette;
        this.writer = new ChartWriter(dir);
    }

    List<ChartFile> writeAll() {
        List<ChartFile> charts = new ArrayList<>();
        List<String> common = a.loadedLabels().stream().filter(b.loaded()::containsKey).toList();
        for (String label : common) {
            percentile(label).ifPresent(charts::add);
        }
        if (!common.isEmpty()) {
            changes(common).ifPresent(charts::add);
        }
        return charts;
    }

    private Optional<ChartFile> percentile(String label) {
        List<PercentileCurve> curves = new ArrayList<>();
        Map<String, List<TrialResult>> byA = a.loaded().get(label);
        Map<String, List<TrialResult>> byB = b.loaded().get(label);
        for (String design : palette.designs()) {
            if (byA.containsKey(design)) {
                curves.add(new PercentileCurve(design + " (A)", LatencyLog.merged(okDirs(byA.get(design))),
                        palette.colourOf(design), false));
            }
            if (byB.containsKey(design)) {
                curves.add(new PercentileCurve(design + " (B)", LatencyLog.merged(okDirs(byB.get(design))),
                        palette.colourOf(design), true));
            }
        }
        if (curves.stream().allMatch(c -> c.histogramNs().getTotalCount() == 0)) {
            return Optional.empty();
        }
        boolean corrected = byA.values().stream().flatMap(List::stream).anyMatch(TrialResult::latencyIsCorrected);
        return Optional.of(writer.write(PercentileChart.of(label + ": A solid, B dashed, "
                        + PercentileChart.latencyKind(corrected), curves), "compare-latency-" + FileNames.slug(label),
                SECTION_LATENCY, "All successful trials of a design merged; A solid, B dashed, same colour per design."
                        + (PercentileChart.logLatencyAxis(curves) ? " Latency on a log scale, as it spans decades." : "")));
    }

    /** The metrics whose change the change chart shows, each as one bar per design. */
    static final List<Metric> CHARTED_CHANGES = List.of(Metric.THROUGHPUT, Metric.P50, Metric.P99);
    static final List<java.awt.Color> CHANGE_COLOURS = List.of(new java.awt.Color(0x404040), new java.awt.Color(0x8C8C8C),
            new java.awt.Color(0xC8C8C8));

    /**
     * One panel per scenario, designs on x, a bar per metric: the change (B − A) / A in percent. Percent changes
     * share a meaning across scenarios whose absolute values differ by orders of magnitude, and the eye reads a
     * bar's length as the change itself instead of comparing two tall bars. Only designs both runs ran.
     */
    private Optional<ChartFile> changes(List<String> labels) {
        List<String> drawn = labels.stream().filter(label -> !designsInBoth(label).isEmpty()).toList();
        if (drawn.isEmpty()) {
            return Optional.empty();
        }
        int panelWidthPx = SmallMultiples.panelWidthPx(drawn.size());
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels = new ArrayList<>();
        for (String label : drawn) {
            List<String> designs = designsInBoth(label);
            List<BarSeries> series = new ArrayList<>();
            for (int i = 0; i < CHARTED_CHANGES.size(); i++) {
                Metric metric = CHARTED_CHANGES.get(i);
                List<Double> percents = new ArrayList<>();
                for (String design : designs) {
                    percents.add(100 * new Change(metric, TrialSpread.of(metric, a.loaded().get(label).get(design)),
                            TrialSpread.of(metric, b.loaded().get(label).get(design))).fraction());
                }
                series.add(new BarSeries(metric.label(), CHANGE_COLOURS.get(i), percents,
                        java.util.Collections.nCopies(designs.size(), 0.0)));
            }
            panels.add(BarChart.changePanel(label, "change B vs A (%)", designs, series, panelWidthPx));
        }
        return Optional.of(writer.write(new SmallMultiples("Change from A to B", panels), "compare-change",
                SECTION_CHANGE, "(B − A) / A of the medians over trials, in percent; for latency, up is slower. "
                        + "One panel per scenario; designs that ran in both runs."));
    }

    private List<String> designsInBoth(String label) {
        return palette.designs().stream()
                .filter(d -> a.loaded().get(label).containsKey(d) && b.loaded().get(label).containsKey(d)).toList();
    }

    private static List<Path> okDirs(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::ok).map(TrialResult::dir).toList();
    }
}
