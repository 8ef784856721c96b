package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "servers", mixinStandardHelpOptions = true,
        description = "Lists every server design with its availability.")
final class ServersCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'servers' is not implemented yet");
    }
}
