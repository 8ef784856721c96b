package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a suite of scenarios across designs and trials and writes a results directory.")
final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'run' is not implemented yet");
    }
}
