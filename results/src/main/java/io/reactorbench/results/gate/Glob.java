package io.reactorbench.results.gate;

import java.util.regex.Pattern;

/** A name pattern of a policy: {@code *} any run of characters, {@code ?} one, {@code {a,b}} either. */
public record Glob(String pattern, Pattern regex) {

    public static final Glob ANY = of("*");

    public static Glob of(String pattern) {
        StringBuilder regex = new StringBuilder();
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '{' -> { regex.append("(?:"); depth++; }
                case '}' -> {
                    if (depth == 0) {
                        throw new IllegalArgumentException("unbalanced '}' in pattern '" + pattern + "'");
                    }
                    regex.append(')');
                    depth--;
                }
                case ',' -> regex.append(depth > 0 ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '{' in pattern '" + pattern + "'");
        }
        return new Glob(pattern, Pattern.compile(regex.toString()));
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
