package io.reactorbench.results.gate;

import java.util.Arrays;
import java.util.List;
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

    /**
     * The names this pattern spells out in full, which a run must have for the pattern to mean what it says: the
     * pattern itself when it has no wildcard, or the wildcard-free alternatives of a pattern that is one
     * {@code {a,b}} group. Empty for anything with a wildcard elsewhere, which names no one thing.
     */
    public List<String> literalNames() {
        if (pattern.matches("\\{[^{}]*}")) {
            return Arrays.stream(pattern.substring(1, pattern.length() - 1).split(","))
                    .filter(name -> !name.isEmpty() && !hasWildcard(name))
                    .toList();
        }
        return hasWildcard(pattern) ? List.of() : List.of(pattern);
    }

    private static boolean hasWildcard(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '{' || c == '}' || c == ',');
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
