package io.reactorbench.engine;

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
        return OptionIds.id(this);
    }

    public static ConnectionTableKind parse(String id) {
        return OptionIds.parse(values(), id, "connection table");
    }
}
