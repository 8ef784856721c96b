package io.reactorbench.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a loop finds a connection's state when its socket is ready, by the id used in options ({@code table=map}).
 * {@link #SLOTS} is the engine's design; {@link #MAP} is the ablation that answers the gnet article's complaint
 * about {@code map[int]*conn} with numbers (see {@link MappedConnections}).
 */
public enum ConnectionTableKind {
    /** Flat arrays indexed by slot ({@link ConnectionTable}): no object per connection. */
    SLOTS,
    /** The slot arrays plus gnet's shape: a {@code HashMap} from fd to one entry object per connection. */
    MAP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionTableKind parse(String id) {
        for (ConnectionTableKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown connection table '" + id + "' (known: "
                + Arrays.stream(values()).map(ConnectionTableKind::id).collect(Collectors.joining(", ")) + ")");
    }
}
