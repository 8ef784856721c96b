package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Saves a compact baseline of a run, meant to be committed next to the code it guards.")
final class BaselineCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'baseline' is not implemented yet");
    }
}
