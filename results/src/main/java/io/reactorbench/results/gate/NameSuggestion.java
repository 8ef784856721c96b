package io.reactorbench.results.gate;

import java.util.Collection;
import java.util.Comparator;

/**
 * "Did you mean ...?" for a name a policy gives that the run lacks: the known name closest by edit distance,
 * offered only when it is close enough to be a slip of the keyboard rather than another name altogether.
 */
final class NameSuggestion {

    private NameSuggestion() {
    }

    /** {@code " (did you mean 'netty-epoll'?)"}, or {@code " (the run has: a, b, c)"} when nothing is close. */
    static String hint(String name, Collection<String> known) {
        String closest = known.stream()
                .min(Comparator.comparingInt((String candidate) -> distance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .orElse(null);
        if (closest == null) {
            return " (the run has none)";
        }
        // A third of the name's length (at least 2) is about what a typo, a missing or swapped letter, costs.
        if (distance(name, closest) <= Math.max(2, name.length() / 3)) {
            return " (did you mean '" + closest + "'?)";
        }
        return " (the run has: " + String.join(", ", known.stream().sorted().toList()) + ")";
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
