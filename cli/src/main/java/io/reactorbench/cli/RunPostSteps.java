package io.reactorbench.cli;

import io.reactorbench.scenarios.run.SuiteRunner;
import io.reactorbench.report.HtmlReport;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What {@code run} does after the last cell, once the results directory is complete: the hook where the
 * report (charts, {@code report/index.html}) is written for the run. Failures here must not lose the run:
 * print one line and keep the exit code of the run itself.
 */
final class RunPostSteps {

    private RunPostSteps() {
    }

    static void afterRun(SuiteRunner.Outcome outcome, PrintStream out) {
        try {
            Path index = HtmlReport.write(outcome.runDir());
            out.println("report: " + index);
        } catch (RuntimeException e) {
            // The run's numbers are already on disk; a report that cannot be drawn is reported, not fatal.
            out.println("report: not written: " + e.getMessage()
                    + " (retry with: reactorbench report " + outcome.runDir() + ")");
        }
    }
}
