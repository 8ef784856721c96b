package io.reactorbench.cli;

import io.reactorbench.report.CompareReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two results directories, metric by metric.",
            "Writes index.html and report.md with the change of every metric and charts of both runs overlaid."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_A", description = "the baseline run (before)")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "the run to compare with it (after)")
    Path runB;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: RUN_B/compare-vs-<RUN_A name>)")
    Path outDir;

    @Override
    public Integer call() {
        ReportCommand.requireResultsDirectory(runA);
        ReportCommand.requireResultsDirectory(runB);
        Path out = outDir != null ? outDir : CompareReport.defaultOutDir(runA, runB);
        System.out.println(CompareReport.write(runA, runB, out));
        return Main.EXIT_OK;
    }
}
