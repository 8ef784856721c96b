package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Fails (exit 1) when a candidate run regresses against a baseline under a policy.")
final class GateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'gate' is not implemented yet");
    }
}
