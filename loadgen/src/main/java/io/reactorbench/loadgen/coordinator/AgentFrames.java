package io.reactorbench.loadgen.coordinator;

import io.reactorbench.results.ResultsJson;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import tools.jackson.core.JacksonException;

/**
 * The agent protocol's framing: each message is an 8-byte header, the magic {@code RBA}, the protocol
 * {@value #VERSION} as one byte, the body's length as a big-endian unsigned 32-bit number, then the body, one JSON
 * object ({@link AgentMessage}) in UTF-8 of at most {@value #MAX_BODY_BYTES} bytes. The magic turns a stray client
 * (an HTTP probe, garbage) into a one-line refusal at its first bytes; the limit is checked before anything is
 * allocated, so no length can make the coordinator allocate more.
 */
public final class AgentFrames {

    /** The protocol version this build speaks; a frame of another is refused by name. */
    public static final int VERSION = 1;
    /**
     * Largest body accepted: an interval of three significant digits up to an hour compresses to a few KB; a result
     * with its first errors to a few KB more.
     */
    public static final int MAX_BODY_BYTES = 1 << 20;
    static final byte[] MAGIC = {'R', 'B', 'A'};
    static final int HEADER_BYTES = 8;

    private AgentFrames() {
    }

    /** Writes one message as one frame and flushes. */
    public static void write(OutputStream out, AgentMessage message) throws IOException {
        byte[] body = ResultsJson.compact().writeValueAsBytes(message);
        if (body.length > MAX_BODY_BYTES) {
            throw new ProtocolException("a " + message.typeName() + " message of " + body.length
                    + " bytes is over the protocol's limit of " + MAX_BODY_BYTES);
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + body.length);
        frame.put(MAGIC).put((byte) VERSION).putInt(body.length).put(body);
        out.write(frame.array());
        out.flush();
    }

    /**
     * Reads one frame; null when the peer closed cleanly between frames.
     *
     * @throws ProtocolException for a frame that is not this protocol's, of another version, oversized, truncated or
     *         whose body is not a whole message
     */
    public static AgentMessage read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[HEADER_BYTES];
        int first = data.read(header, 0, 1);
        if (first < 0) {
            return null;
        }
        readFully(data, header, 1, HEADER_BYTES - 1, "header");
        if (header[0] != MAGIC[0] || header[1] != MAGIC[1] || header[2] != MAGIC[2]) {
            throw new ProtocolException("malformed message: not the reactorbench agent protocol (first bytes "
                    + printable(header) + ")");
        }
        int version = header[3] & 0xff;
        if (version != VERSION) {
            throw new ProtocolException("protocol version " + version + ", this coordinator speaks " + VERSION);
        }
        long length = ByteBuffer.wrap(header, 4, 4).getInt() & 0xffffffffL;
        if (length > MAX_BODY_BYTES) {
            throw new ProtocolException("oversized message: " + length + " bytes, the limit is " + MAX_BODY_BYTES);
        }
        byte[] body = new byte[(int) length];
        readFully(data, body, 0, body.length, "body");
        try {
            return ResultsJson.compact().readValue(body, AgentMessage.class);
        } catch (JacksonException e) {
            throw new ProtocolException("malformed message: " + oneLine(e.getOriginalMessage()));
        }
    }

    private static void readFully(DataInputStream data, byte[] into, int offset, int length, String part)
            throws IOException {
        try {
            data.readFully(into, offset, length);
        } catch (EOFException e) {
            throw new ProtocolException("truncated message: the connection ended inside a frame's " + part);
        }
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder("'");
        for (int i = 0; i < 4; i++) {
            int c = bytes[i] & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\x%02x", c));
        }
        return text.append("'").toString();
    }

    private static String oneLine(String message) {
        String line = message == null ? "unreadable JSON" : message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
