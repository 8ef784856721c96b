package io.reactorbench.results.gate;

import io.reactorbench.wire.spi.NearestName;
import java.util.Collection;

/**
 * "Did you mean ...?" for a name a policy gives that the run lacks: the known name closest by edit distance,
 * offered only when it is close enough to be a slip of the keyboard rather than another name altogether.
 */
final class NameSuggestion {

    private NameSuggestion() {
    }

    /** {@code " (did you mean 'netty-epoll'?)"}, or {@code " (the run has: a, b, c)"} when nothing is close. */
    static String hint(String name, Collection<String> known) {
        if (known.isEmpty()) {
            return " (the run has none)";
        }
        return NearestName.of(name, known).map(closest -> " (did you mean '" + closest + "'?)")
                .orElseGet(() -> " (the run has: " + String.join(", ", known.stream().sorted().toList()) + ")");
    }
}
