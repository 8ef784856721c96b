package io.reactorbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import io.reactorbench.wire.spi.NearestName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code reactorbench help [COMMAND [SUBCOMMAND...]]}: the help of the command named by the whole path, so that
 * {@code help baseline save} shows {@code save}'s help (picocli's own help command stops at the first name).
 */
@Command(name = "help", helpCommand = true, description = "Shows the help of a command: help [COMMAND [SUBCOMMAND...]].")
final class HelpCommand implements Callable<Integer>, CommandLine.IHelpCommandInitializable2 {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to explain.")
    List<String> path = List.of();

    private CommandLine self;
    private PrintWriter out;
    private PrintWriter err;
    private CommandLine.Help.ColorScheme colors;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out,
            PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                err.println("help: " + target.getCommandSpec().qualifiedName() + " has no command '" + name + "'."
                        + NearestName.hint(name, target.getSubcommands().keySet()));
                err.flush();
                return Main.EXIT_USAGE;
            }
            target = next;
        }
        target.usage(out, colors);
        out.flush();
        return Main.EXIT_OK;
    }
}
