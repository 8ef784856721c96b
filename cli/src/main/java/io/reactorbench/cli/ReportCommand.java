package io.reactorbench.cli;

import io.reactorbench.report.HtmlReport;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "results directory (runs/<id>)")
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
            requireResultsDirectory(runDir);
            index = HtmlReport.write(runDir, outDir != null ? outDir : runDir.resolve(HtmlReport.DEFAULT_DIR), jmhJson);
        }
        System.out.println(index);
        return Main.EXIT_OK;
    }

    static void requireResultsDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserError("no such directory: " + dir);
        }
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new UserError("not a results directory (no run.json): " + dir);
        }
    }
}
