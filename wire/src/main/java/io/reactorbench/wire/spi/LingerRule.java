package io.reactorbench.wire.spi;

/**
 * What every server design does after it decided to close a connection whose peer may still be sending (a 400, a
 * {@code Connection: close}, a bad rpc frame): send the last reply and a FIN, then read and drop what the peer still
 * sends until the peer closes too. Closing with unread input would make the kernel answer with an RST, which can
 * destroy the reply in the peer's receive queue before the peer reads it. A peer that never closes, or never stops
 * sending, must not pin the connection (and, in a thread-per-connection design, its thread): the server closes
 * after {@code timeoutMs}, or once it has dropped {@code maxBytes}, whichever comes first. Every design applies
 * {@link #IN_FORCE}, so designs never differ in how long they linger.
 *
 * @param timeoutMs how long after its FIN the server keeps reading, at most
 * @param maxBytes  how many bytes the server drops, at most, before it closes (the peer then gets an RST)
 */
public record LingerRule(long timeoutMs, long maxBytes) {

    public static final long DEFAULT_TIMEOUT_MS = 2_000;
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;
    /**
     * Sets the time cap, in ms, for every server in the JVM; read once, when this class loads. The conformance
     * suite shortens it so that a case with a peer that never closes does not wait the full default.
     */
    public static final String TIMEOUT_MS_PROPERTY = "reactorbench.linger.timeoutMs";
    /** The rule every design in this JVM applies. */
    public static final LingerRule IN_FORCE =
            new LingerRule(timeoutMsFrom(System.getProperty(TIMEOUT_MS_PROPERTY)), DEFAULT_MAX_BYTES);

    public LingerRule {
        if (timeoutMs <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("linger timeoutMs and maxBytes must be > 0, got " + timeoutMs
                    + " and " + maxBytes);
        }
    }

    public long timeoutNs() {
        return timeoutMs * 1_000_000L;
    }

    /** Whether a server that has dropped {@code droppedBytes} since its FIN must stop draining and close. */
    public boolean byteCapReached(long droppedBytes) {
        return droppedBytes >= maxBytes;
    }

    /** The time cap a {@link #TIMEOUT_MS_PROPERTY} value asks for: the default when unset. */
    static long timeoutMsFrom(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_TIMEOUT_MS;
        }
        try {
            long timeoutMs = Long.parseLong(property.strip());
            if (timeoutMs > 0) {
                return timeoutMs;
            }
        } catch (NumberFormatException ignored) {
            // reported below, in one line
        }
        throw new IllegalArgumentException(TIMEOUT_MS_PROPERTY + " needs a number of ms > 0, got '" + property + "'");
    }
}
