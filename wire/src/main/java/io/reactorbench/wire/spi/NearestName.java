package io.reactorbench.wire.spi;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the known name closest to a mistyped one, by edit distance, when it is close enough. */
public final class NearestName {

    private NearestName() {
    }

    /** The closest of {@code known} to {@code typed}, if at most a third of its letters (at least 2) differ. */
    public static Optional<String> of(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(typed, candidate);
            if (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0) { // ties: alphabetical
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, typed.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code " Did you mean 'x'?"} or nothing, to append to an error sentence. */
    public static String hint(String typed, Collection<String> known) {
        return of(typed, known).map(name -> " Did you mean '" + name + "'?").orElse("");
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
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
