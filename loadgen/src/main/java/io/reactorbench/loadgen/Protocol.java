package io.reactorbench.loadgen;

import io.reactorbench.wire.spi.Transport;
import java.nio.ByteBuffer;

/**
 * The client side of one app, for all connections of one worker: writes the request byte stream of a
 * connection and checks the responses, keeping per-connection parse state in flat arrays indexed by slot.
 *
 * <p>Requests of a connection form a deterministic byte stream, so a partly written request is re-created
 * from its stream offset rather than kept in a buffer per connection.
 */
interface Protocol {

    /** Marks what {@link #onResponseBytes} returns when the bytes are not a valid answer. */
    int MISMATCH = -1;

    /**
     * Marks what {@link #onResponseBytes} returns when the answer shows that an older request in flight was lost (a
     * datagram protocol: a later answer overtook it); {@link #mismatch()} says which.
     */
    int LOST = -2;

    /** Bytes of one request. */
    int requestBytes();

    /**
     * Puts request-stream bytes {@code [fromOffset, toOffset)} of the connection into {@code out} (which has the
     * room). Offsets count from the connection's first request, whose sequence number is {@code firstSeq}.
     */
    void writeRequestBytes(int slot, int globalConn, long firstSeq, long fromOffset, long toOffset, ByteBuffer out);

    /**
     * Consumes all of {@code in} and returns how many responses it completed, or {@link #MISMATCH} when a byte
     * is not what was asked for ({@link #mismatch()} says what). {@code nextSeq} is the sequence number of the
     * oldest outstanding request; {@code outstanding} how many are in flight.
     */
    int onResponseBytes(int slot, int globalConn, long nextSeq, int outstanding, ByteBuffer in);

    /** Forgets the parse state of a slot (a new connection starts there). */
    void reset(int slot);

    /** Describes the last mismatch. */
    String mismatch();

    /** Adds the answers seen so far, by HTTP status code (index), to {@code into}; apps without one add nothing. */
    default void addStatusCounts(long[] into) {
    }

    static Protocol create(LoadSpec spec, int slots) {
        return switch (spec.app()) {
            case ECHO -> spec.transport() == Transport.UDP ? new DatagramEchoProtocol(spec.sizeBytes())
                    : new EchoProtocol(slots, spec.sizeBytes());
            case RPC -> new RpcProtocol(slots, spec.sizeBytes(), spec.responseSizeBytes(), spec.cpuSpinNs(),
                    spec.blockUs());
            case HTTP -> new HttpProtocol(slots, spec.httpRequest());
        };
    }
}
