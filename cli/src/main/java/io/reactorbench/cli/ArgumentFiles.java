package io.reactorbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code @FILE} on the command line stands for the options in FILE (picocli's argument files: one or more per line,
 * quotes and {@code #} comments as picocli reads them), so that a coordinator and its agents share one load spec
 * ({@code coordinate @/etc/reactorbench/load.args}, the same file mounted into every agent's pod). Picocli's own
 * expansion stays off in {@link Main}, because it would also expand the value of {@code --body @req.json}, which is
 * the request body's file (as curl spells it); here such a value is left alone. Inside an argument file, picocli
 * expands every {@code @} word, so write the body there as {@code --body=@req.json}.
 */
final class ArgumentFiles {

    /** Options whose value may start with '@' and mean something of their own. */
    private static final Set<String> AT_VALUED_OPTIONS = Set.of("--body");

    private ArgumentFiles() {
    }

    /** {@code args} with every {@code @FILE} word replaced by the words in FILE. */
    static String[] expand(String[] args) {
        List<String> expanded = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean valueOfAtOption = i > 0 && AT_VALUED_OPTIONS.contains(args[i - 1]);
            if (arg.length() > 1 && arg.startsWith("@") && !arg.startsWith("@@") && !valueOfAtOption) {
                expanded.addAll(read(Path.of(arg.substring(1))));
            } else {
                expanded.add(arg);
            }
        }
        return expanded.toArray(String[]::new);
    }

    /** The words of one argument file, as picocli reads them. */
    static List<String> read(Path file) {
        if (!Files.isReadable(file)) {
            throw new UserError("cannot read the argument file " + file + " (given as @" + file + ")");
        }
        CommandLine words = new CommandLine(new Words());
        words.setExpandAtFiles(true);
        words.setUnmatchedOptionsArePositionalParams(true);
        return words.parseArgs("@" + file).expandedArgs();
    }

    /** A command that takes any words: only its argument-file expansion is used. */
    @Command(name = "argument-file")
    static final class Words {
        @Parameters
        List<String> words = new ArrayList<>();
    }
}
