package io.reactorbench.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The engine's option enums by the ids options use ({@code lb=least-connections}, {@code table=map}): the
 * constant's name in lower case with dashes, parsed back with a one-line error naming the known ids.
 */
final class OptionIds {

    private OptionIds() {
    }

    static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code values} whose id is {@code id} (any case); {@code what} names the option in the error. */
    static <E extends Enum<E>> E parse(E[] values, String id, String what) {
        for (E value : values) {
            if (id(value).equalsIgnoreCase(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "' (known: "
                + Arrays.stream(values).map(OptionIds::id).collect(Collectors.joining(", ")) + ")");
    }
}
