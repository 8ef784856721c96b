package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two results directories, metric by metric.")
final class CompareCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'compare' is not implemented yet");
    }
}
