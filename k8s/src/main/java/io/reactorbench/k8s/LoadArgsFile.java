package io.reactorbench.k8s;

import java.util.List;

/**
 * The load options as the text of a picocli {@code @}-file: one option per line with its value, a value quoted when
 * picocli's tokenizer would otherwise split it (whitespace), end it (quotes) or drop the rest of the line ({@code #}).
 */
public final class LoadArgsFile {

    private LoadArgsFile() {
    }

    /** {@code args} as given on a command line ({@code --rate 10k --batch --threshold p99<5ms}). */
    public static String render(List<String> args) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            text.append(quoted(arg));
            boolean valueFollows = arg.startsWith("-") && !arg.contains("=") && i + 1 < args.size()
                    && !args.get(i + 1).startsWith("--");
            if (valueFollows) {
                text.append(' ').append(quoted(args.get(++i)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String quoted(String arg) {
        boolean plain = !arg.isEmpty() && arg.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '#'
                || c == '\\');
        if (plain) {
            return arg;
        }
        // Inside double quotes picocli's tokenizer (java.io.StreamTokenizer) reads \\ \" \n \r as escapes, and a
        // raw line break would end the quoted value.
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                + '"';
    }
}
