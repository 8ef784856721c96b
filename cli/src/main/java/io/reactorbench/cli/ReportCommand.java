package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Turns a results directory (and JMH JSON) into an HTML and Markdown report with charts.")
final class ReportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'report' is not implemented yet");
    }
}
