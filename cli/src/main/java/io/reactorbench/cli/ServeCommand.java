package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts one server design and serves until SIGTERM, SIGINT or end of standard input.")
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'serve' is not implemented yet");
    }
}
