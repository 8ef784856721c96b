package io.reactorbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns what a subcommand throws into one line on stderr and an exit code. User errors (bad input, port in
 * use, unknown design) exit 2 without a stack trace; anything else is a bug and keeps its trace, because
 * hiding it would make it unfixable.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        String name = cli.getCommandName();
        if (e instanceof UserError user) {
            System.err.println(name + ": " + user.getMessage());
            return user.exitCode();
        }
        if (e instanceof IllegalArgumentException || e instanceof IOException
                || e instanceof UncheckedIOException || e instanceof IllegalStateException) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            System.err.println(name + ": " + describe(cause));
            return Main.EXIT_USAGE;
        }
        System.err.println(name + ": internal error: " + describe(e));
        e.printStackTrace(System.err);
        return 3;
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof java.net.BindException) {
            return "cannot bind: " + message;
        }
        String text = message == null ? t.getClass().getSimpleName() : message;
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // A wrapper's message is often only its cause's class name ("InvocationTargetException" out of a reflective
        // decoder): the root cause says what went wrong (e.g. "OutOfMemoryError: Java heap space").
        return root == t ? text : text + " (caused by " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
}
