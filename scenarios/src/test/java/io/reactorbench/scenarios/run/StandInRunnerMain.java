package io.reactorbench.scenarios.run;

import io.reactorbench.report.console.CellLine;
import io.reactorbench.report.console.EndOfRunTable;
import io.reactorbench.scenarios.suite.Suites;
import java.nio.file.Path;

/** The runner as its own JVM with stand-in children, so a test can send it SIGINT. Args: suite file, runs dir. */
public final class StandInRunnerMain {

    public static void main(String[] args) {
        new SuiteRunner(StandIns.launcher(), System.out, SummaryRenderer.of(CellLine::of, EndOfRunTable::render))
                .run(Suites.load(args[0]), Path.of(args[1]));
    }
}
