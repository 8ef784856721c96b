package io.reactorbench.cli;

import io.reactorbench.results.gate.BaselineFile;
import io.reactorbench.results.gate.MeasurementSource;
import io.reactorbench.results.gate.Measurements;
import io.reactorbench.results.gate.RunDirectoryReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Saves a compact baseline of a run, meant to be committed next to the code it guards.",
        subcommands = BaselineCommand.Save.class)
final class BaselineCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("missing subcommand: use 'baseline save <run dir> --to FILE'");
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = {"Writes the summary numbers and every trial's values of a complete run (no histograms)",
                "as a reactorbench.baseline/1 JSON file, which 'gate --baseline' accepts."})
    static final class Save implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The results directory, e.g. runs/<id>, or runs/ for its newest run.")
        Path runDir;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "Where to write the baseline.")
        Path to;

        @Override
        public Integer call() {
            Measurements run = RunDirectoryReader.read(MeasurementSource.runDirectory(runDir));
            BaselineFile.write(run, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), to);
            int trials = run.cells().values().stream().mapToInt(c -> c.trials().size()).sum();
            System.out.println("baseline: wrote " + to + " (" + run.cells().size() + " cells, " + trials
                    + " trials, from run " + run.runId() + ")");
            return Main.EXIT_OK;
        }
    }
}
