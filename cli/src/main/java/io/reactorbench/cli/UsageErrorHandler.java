package io.reactorbench.cli;

import picocli.CommandLine;

/** Bad options: one line, a hint, exit 2 (picocli's default prints the whole usage, which buries the error). */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        System.err.println(cli.getCommandName() + ": " + e.getMessage());
        System.err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        return Main.EXIT_USAGE;
    }
}
