package io.reactorbench.engine;

/**
 * What onTraffic sees of a read, by the id used in options ({@code read=copy}). {@link #VIEW} is the engine's
 * design; {@link #COPY} is the ablation that answers the gnet article's complaint about copying every read out to
 * the user.
 */
public enum ReadDelivery {
    /** A view of the loop's shared read buffer: bytes the handler consumes are never copied. */
    VIEW,
    /**
     * Each read copied into a fresh {@code byte[]} and the handler given a view of that copy, as gnet's
     * {@code c.Read()} hands the user a copy. The array, its {@code ByteBuffer} wrapper and the holder around it
     * are allocated per read (Java needs the wrapper to hand a handler bytes; Go's slice header is a value), so the
     * variant pays a little more than gnet's one {@code []byte} per read. Bytes the handler leaves unread are kept
     * exactly as with the view. Reads appended to bytes already buffered are copied in both designs and not again.
     */
    COPY;

    public String id() {
        return OptionIds.id(this);
    }

    public static ReadDelivery parse(String id) {
        return OptionIds.parse(values(), id, "read delivery");
    }
}
