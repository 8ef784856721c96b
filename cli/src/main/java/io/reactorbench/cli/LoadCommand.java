package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Drives load at one or more servers (wrk2-style open loop, closed loop, idle, churn).")
final class LoadCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'load' is not implemented yet");
    }
}
