package io.reactorbench.cli;

import io.reactorbench.report.HtmlReport;
import java.nio.file.Files;
import io.reactorbench.results.Results;
import io.reactorbench.results.ResultsLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Turns a results directory (and JMH JSON) into an HTML and Markdown report with charts.",
            "Writes <run>/report/index.html (one file, opens offline), report.md and the chart images."})
final class ReportCommand implements Callable<Integer> {

    /** Where a JMH-only report goes when --out is not given: next to the JMH file. */
    static final String JMH_ONLY_DIR = "jmh-report";

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR",
            description = "results directory (runs/<id>), or a directory of runs such as runs/ (its newest)")
    Path runDir;

    @Option(names = "--jmh", paramLabel = "FILE", description = "JMH result file written with -rf json")
    Path jmhJson;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default: RUN_DIR/report, or jmh-report/ next to the JMH file)")
    Path outDir;

    @Override
    public Integer call() {
        if (runDir == null && jmhJson == null) {
            throw new UserError("give a results directory (runs/<id>) or --jmh FILE");
        }
        if (jmhJson != null && !Files.isRegularFile(jmhJson)) {
            throw new UserError("no such JMH result file: " + jmhJson);
        }
        Path index;
        if (runDir == null) {
            Path out = outDir != null ? outDir : jmhJson.toAbsolutePath().getParent().resolve(JMH_ONLY_DIR);
            index = HtmlReport.writeJmhOnly(jmhJson, out);
        } else {
            Path run = resolveRunDirectory(runDir);
            index = HtmlReport.write(run, outDir != null ? outDir : run.resolve(HtmlReport.DEFAULT_DIR), jmhJson);
        }
        System.out.println(index);
        return Main.EXIT_OK;
    }

    /**
     * {@code dir} when it is a results directory, or the newest run in a directory of runs such as {@code runs/}
     * (said on stderr), as gate and baseline save take it.
     */
    static Path resolveRunDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("no such directory: " + dir);
        }
        if (Files.isRegularFile(dir.resolve(ResultsLayout.RUN_FILE))) {
            return dir;
        }
        List<Path> runs = Results.listRuns(dir);
        if (runs.isEmpty()) {
            throw new UserError("not a results directory (no run.json) nor a directory of runs: " + dir);
        }
        System.err.println("using the newest run in " + dir + ": " + runs.getLast());
        return runs.getLast();
    }
}
