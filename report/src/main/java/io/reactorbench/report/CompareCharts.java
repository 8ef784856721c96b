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
import io.reactorbench.report.table.Metric;
import io.reactorbench.report.table.Spread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Charts of two runs overlaid: A solid (or full colour), B dashed (or lighter), one colour per design. */
final class CompareCharts {

    static final String SECTION_LATENCY = "Latency by percentile, A against B";
    static final String SECTION_THROUGHPUT = "Throughput, A against B";

    /** A dark, B light: neutral so that they do not read as two designs' colours. */
    static final java.awt.Color RUN_A_COLOUR = new java.awt.Color(0x404040);
    static final java.awt.Color RUN_B_COLOUR = new java.awt.Color(0xA6A6A6);

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
            throughput(common).ifPresent(charts::add);
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

    /**
     * One panel per scenario (scenarios differ by orders of magnitude), designs on x, A and B side by side.
     * XChart fills a whole series with one colour, so here the runs have the colours and the x axis names
     * the design. Only designs that both runs ran: a missing bar beside a whisker would read as zero.
     */
    private Optional<ChartFile> throughput(List<String> labels) {
        List<String> drawn = labels.stream().filter(label -> !designsInBoth(label).isEmpty()).toList();
        if (drawn.isEmpty()) {
            return Optional.empty();
        }
        int panelWidthPx = SmallMultiples.panelWidthPx(drawn.size());
        List<org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels = new ArrayList<>();
        for (String label : drawn) {
            List<String> designs = designsInBoth(label);
            panels.add(BarChart.panel(label, "throughput (req/s)", designs, List.of(
                    bars("A", RUN_A_COLOUR, a, label, designs), bars("B", RUN_B_COLOUR, b, label, designs)),
                    panelWidthPx));
        }
        return Optional.of(writer.write(new SmallMultiples("Throughput, A against B", panels), "compare-throughput",
                SECTION_THROUGHPUT, "Median over trials; whiskers cover each run's min–max. One panel per scenario, "
                        + "each with its own scale; designs that ran in both runs."));
    }

    private List<String> designsInBoth(String label) {
        return palette.designs().stream()
                .filter(d -> a.loaded().get(label).containsKey(d) && b.loaded().get(label).containsKey(d)).toList();
    }

    private static BarSeries bars(String name, java.awt.Color colour, ScenarioGroups run, String label,
                                  List<String> designs) {
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (String design : designs) {
            Spread spread = Spread.of(Metric.THROUGHPUT, run.loaded().get(label).getOrDefault(design, List.of()));
            values.add(spread.median());
            errors.add(spread.isPresent() ? Math.max(spread.max() - spread.median(), spread.median() - spread.min()) : 0);
        }
        return new BarSeries(name, colour, values, errors);
    }

    private static List<Path> okDirs(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::ok).map(TrialResult::dir).toList();
    }
}
