package io.reactorbench.cli;

import picocli.CommandLine;

/** Bad options: one line, a hint, exit 2 (picocli's default prints the whole usage, which buries the error). */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        System.err.println(cli.getCommandName() + ": " + e.getMessage() + didYouMean(e));
        System.err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        return Main.EXIT_USAGE;
    }

    /** picocli's suggestions for a mistyped command or option ("serv" → serve), as one sentence. */
    private static String didYouMean(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return ". Did you mean " + String.join(" or ", unmatched.getSuggestions().stream().limit(2)
                    .map(s -> "'" + s + "'").toList()) + "?";
        }
        return "";
    }
}
