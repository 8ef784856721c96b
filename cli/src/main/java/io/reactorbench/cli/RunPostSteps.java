package io.reactorbench.cli;

import io.reactorbench.scenarios.run.SuiteRunner;
import java.io.PrintStream;

/**
 * What {@code run} does after the last cell, once the results directory is complete: the hook where the
 * report (charts, {@code report/index.html}) is written for the run. Failures here must not lose the run:
 * print one line and keep the exit code of the run itself.
 */
final class RunPostSteps {

    private RunPostSteps() {
    }

    static void afterRun(SuiteRunner.Outcome outcome, PrintStream out) {
        // Report step goes here: e.g. ReportWriter.write(outcome.runDir(), outcome.runDir().resolve("report")),
        // then out.println("report: " + ...). Kept empty until the report module offers its entry point.
    }
}
