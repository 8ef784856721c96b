package io.reactorbench.cli;

import io.reactorbench.report.CompareReport;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two results directories, metric by metric.",
            "Writes index.html and report.md with the change of every metric and charts of both runs overlaid."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_A", description = "the baseline run (before); a directory of runs means its newest")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "the run to compare with it (after); 'compare runs runs' compares the two newest in runs/")
    Path runB;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: RUN_B/compare-vs-<RUN_A name>)")
    Path outDir;

    private static boolean isDirectoryOfRuns(Path dir) {
        return Files.isDirectory(dir) && !Files.exists(dir.resolve(ResultsLayout.RUN_FILE));
    }

    @Override
    public Integer call() {
        Path before;
        Path after;
        if (isDirectoryOfRuns(runA) && runA.toAbsolutePath().normalize().equals(runB.toAbsolutePath().normalize())) {
            // 'compare runs runs': the two newest, the usual question after a change and a re-run.
            List<Path> runs = Results.listRuns(runA);
            if (runs.size() < 2) {
                throw new UserError(runA + " holds " + runs.size() + " run(s); comparing its newest two needs two");
            }
            before = runs.get(runs.size() - 2);
            after = runs.getLast();
            System.err.println("comparing the two newest runs in " + runA + ": " + before + " -> " + after);
        } else {
            before = ReportCommand.resolveRunDirectory(runA);
            after = ReportCommand.resolveRunDirectory(runB);
        }
        Path out = outDir != null ? outDir : CompareReport.defaultOutDir(before, after);
        System.out.println(CompareReport.write(before, after, out));
        return Main.EXIT_OK;
    }
}
