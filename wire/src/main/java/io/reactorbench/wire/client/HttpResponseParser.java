package io.reactorbench.wire.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Client side of HTTP/1.1: parses the response streams of many connections byte by byte, each split anywhere,
 * without allocating. A connection's parse state sits in slot {@code slot} of a few flat arrays (no object per
 * connection: the load generator keeps tens of thousands per worker). Bodies are delimited by
 * {@code Content-Length} or by chunked {@code Transfer-Encoding} (the last coding decides, RFC 9112 6.1) and skipped
 * in bulk; interim 1xx answers are skipped; {@code Connection: close} is noted. An answer with neither framing is
 * refused: on a kept-alive connection its end cannot be told.
 *
 * <p>{@link #parse(int, ByteBuffer)} reports {@link Result#HEAD} once a final answer's head is in (before its
 * framing is judged), so a caller that knows how many answers it is owed refuses an extra one at once; then
 * {@link Result#RESPONSE}. With an {@code expectedBody} every answer must be {@code 200} with exactly that body (the
 * TechEmpower plaintext check, byte for byte). One connection (tests, the conformance suite):
 * {@link #HttpResponseParser()} and {@link #parse(ByteBuffer)}.
 */
public final class HttpResponseParser {

    public enum Result {
        /** {@code in} is used up before the next event. */
        NEED_MORE,
        /** A final answer's head is complete ({@link #status(int)}); the next call judges its framing. */
        HEAD,
        /** An answer is complete: {@link #status()} and {@link #closeRequested()} describe it. */
        RESPONSE,
        /** Not a valid answer ({@link #malformation()} says why); the rest of {@code in} is dropped, the slot reset. */
        MALFORMED
    }

    /** A header block (or chunk-size line, or trailer block) longer than this is refused, not scanned on. */
    public static final int MAX_HEADER_BYTES = 8192;
    /** Bounds body and chunk sizes so their arithmetic never overflows; a body this large is not a benchmark. */
    private static final long MAX_BODY_BYTES = 1L << 40;

    private static final byte[] HTTP_1_ = ascii("HTTP/1.");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    /** Where "content-length" and "connection" part: "con" then 't' or 'n'. */
    private static final int CONTENT_CONNECTION_FORK = 3;

    // Head states
    private static final int VERSION = 0;
    private static final int STATUS = 1;
    private static final int SKIP_LINE = 2;
    private static final int LINE_START = 3;
    private static final int NAME = 4;
    private static final int LENGTH_VALUE = 5;
    private static final int ENCODING_VALUE = 6;
    private static final int CONNECTION_VALUE = 7;
    private static final int END_LF = 8;
    /** The head was reported (HEAD); the next call checks it and picks the framing. */
    private static final int HEAD_DONE = 9;
    // Body states: bytes here do not count against MAX_HEADER_BYTES
    private static final int BODY = 10;
    private static final int CHUNK_DATA = 11;
    // Chunk framing states: count against MAX_HEADER_BYTES, reset per chunk
    private static final int CHUNK_SIZE = 12;
    private static final int CHUNK_EXTENSION = 13;
    private static final int CHUNK_DATA_END = 14;
    private static final int TRAILER_START = 15;
    private static final int TRAILER_SKIP = 16;
    private static final int TRAILER_END_LF = 17;

    /** {@link #headerFlags}: the answer's last transfer coding is chunked. */
    private static final int FLAG_CHUNKED = 1;
    /** {@link #headerFlags}: the answer says Connection: close. */
    private static final int FLAG_CLOSE = 2;
    /** {@link #headerFlags}: which header name is being matched (Content-Length when neither bit is set). */
    private static final int FLAG_MATCHING_TRANSFER_ENCODING = 4;
    private static final int FLAG_MATCHING_CONNECTION = 8;

    private final boolean answersHaveNoBody;
    /** Every answer must be 200 with exactly these body bytes; null: any status and body. */
    private final byte[] expectedBody;
    private final int[] state;
    private final int[] status;
    /** Content-Length (-1: none), then body or chunk bytes left. */
    private final long[] length;
    /** Characters of the version, a header name or a value matched, body bytes checked, status digits seen. */
    private final int[] counter;
    /** FLAG_ bits of the answer's header block. */
    private final int[] headerFlags;
    private final int[] headerBytes;
    private int lastStatus;
    private boolean lastClose;
    /** {@link #parse(ByteBuffer)} only: the Content-Length of the one connection's last head. */
    private long lastContentLength;
    private String malformation;

    /** One connection (slot 0), any answer, for {@link #parse(ByteBuffer)}. */
    public HttpResponseParser() {
        this(1, false, null);
    }

    /**
     * @param answersHaveNoBody answers have no body whatever their headers say (the requests are HEAD)
     * @param expectedBody every answer must be {@code 200} with exactly this body; null for any status and body
     */
    public HttpResponseParser(int slots, boolean answersHaveNoBody, byte[] expectedBody) {
        this.answersHaveNoBody = answersHaveNoBody;
        this.expectedBody = expectedBody == null ? null : expectedBody.clone();
        state = new int[slots];
        status = new int[slots];
        length = new long[slots];
        counter = new int[slots];
        headerFlags = new int[slots];
        headerBytes = new int[slots];
        for (int i = 0; i < slots; i++) {
            reset(i);
        }
    }

    /**
     * Consumes bytes of {@code in} up to the next event of the connection in {@code slot}: {@link Result#HEAD},
     * {@link Result#RESPONSE}, {@link Result#MALFORMED}, or {@link Result#NEED_MORE} once {@code in} is used up.
     * An answer without body reports HEAD, then RESPONSE on the next call even with {@code in} empty: call until
     * NEED_MORE.
     */
    public Result parse(int slot, ByteBuffer in) {
        int s = state[slot];
        int count = counter[slot];
        if (s == HEAD_DONE) {
            String wrong = expectedBody != null ? unexpectedHead(slot) : null;
            if (wrong != null) {
                return fail(slot, in, wrong);
            }
            count = 0;
            if (answersHaveNoBody || status[slot] == 204 || status[slot] == 304) {
                return complete(slot, in, in.position());
            } else if ((headerFlags[slot] & FLAG_CHUNKED) != 0) {
                s = CHUNK_SIZE;
                length[slot] = 0;
            } else if (length[slot] > 0) {
                s = BODY;
            } else if (length[slot] == 0) {
                return complete(slot, in, in.position());
            } else {
                return fail(slot, in, "http: status " + status[slot] + " answer has neither Content-Length"
                        + " nor chunked Transfer-Encoding, so its end on a kept-alive connection is unknown");
            }
        }
        int limit = in.limit();
        for (int i = in.position(); i < limit; i++) {
            if (s == BODY || s == CHUNK_DATA) {
                // Bodies are skipped in bulk (checked byte by byte only against an expected body).
                int n = (int) Math.min(length[slot], limit - i);
                if (expectedBody != null) {
                    for (int k = 0; k < n; k++, count++) {
                        byte b = in.get(i + k);
                        if (b != expectedBody[count]) {
                            return fail(slot, in, "http: body byte " + count + " is " + (b & 0xff) + ", expected '"
                                    + (char) expectedBody[count] + "'");
                        }
                    }
                }
                length[slot] -= n;
                i += n - 1;
                if (length[slot] == 0) {
                    if (s == CHUNK_DATA) {
                        s = CHUNK_DATA_END;
                        count = 0;
                    } else {
                        return complete(slot, in, i + 1);
                    }
                }
                continue;
            }
            byte b = in.get(i);
            if (++headerBytes[slot] > MAX_HEADER_BYTES) {
                return fail(slot, in, "http: response header (or chunk framing) longer than " + MAX_HEADER_BYTES
                        + " bytes");
            }
            switch (s) {
                case VERSION -> {
                    if (count < HTTP_1_.length ? b != HTTP_1_[count]
                            : count == HTTP_1_.length ? b < '0' || b > '9' : b != ' ') {
                        return fail(slot, in, "http: response does not start with HTTP/1.x (byte " + (b & 0xff)
                                + " at " + count + ")");
                    }
                    count++;
                    if (b == ' ') {
                        s = STATUS;
                        count = 0;
                        status[slot] = 0;
                    }
                }
                case STATUS -> {
                    if (b >= '0' && b <= '9' && count < 3) {
                        status[slot] = status[slot] * 10 + (b - '0');
                        count++;
                    } else if (count == 3) {
                        s = b == '\n' ? LINE_START : SKIP_LINE;
                    } else {
                        return fail(slot, in, "http: bad status line");
                    }
                }
                case SKIP_LINE, TRAILER_SKIP -> {
                    // Most header bytes are skipped: look for the line end in a tight loop, not byte per switch.
                    int j = i;
                    while (j < limit && in.get(j) != '\n') {
                        j++;
                    }
                    headerBytes[slot] += j - i;
                    if (j < limit) {
                        s = s == SKIP_LINE ? LINE_START : TRAILER_START;
                    }
                    i = j;
                }
                case LINE_START -> {
                    if (b == '\r') {
                        s = END_LF;
                    } else if (b == '\n') {
                        s = END_LF;
                        i--;
                        headerBytes[slot]--;
                    } else if ((b | 0x20) == CONTENT_LENGTH[0]) {
                        s = NAME;
                        headerFlags[slot] &= ~(FLAG_MATCHING_TRANSFER_ENCODING | FLAG_MATCHING_CONNECTION);
                        count = 1;
                    } else if ((b | 0x20) == TRANSFER_ENCODING[0]) {
                        s = NAME;
                        headerFlags[slot] = (headerFlags[slot] & ~FLAG_MATCHING_CONNECTION)
                                | FLAG_MATCHING_TRANSFER_ENCODING;
                        count = 1;
                    } else {
                        s = SKIP_LINE;
                    }
                }
                case NAME -> {
                    int flags = headerFlags[slot];
                    byte[] name = (flags & FLAG_MATCHING_TRANSFER_ENCODING) != 0 ? TRANSFER_ENCODING
                            : (flags & FLAG_MATCHING_CONNECTION) != 0 ? CONNECTION : CONTENT_LENGTH;
                    if (count == name.length && b == ':') {
                        if (name == CONTENT_LENGTH) {
                            if (length[slot] >= 0) {
                                return fail(slot, in, "http: two Content-Length headers");
                            }
                            s = LENGTH_VALUE;
                            length[slot] = 0;
                        } else {
                            s = name == CONNECTION ? CONNECTION_VALUE : ENCODING_VALUE;
                            count = 0;
                        }
                    } else if (count < name.length && (b | 0x20) == name[count]) {
                        count++;
                    } else if (name == CONTENT_LENGTH && count == CONTENT_CONNECTION_FORK
                            && (b | 0x20) == CONNECTION[count]) {
                        headerFlags[slot] = flags | FLAG_MATCHING_CONNECTION;
                        count++;
                    } else {
                        s = b == '\n' ? LINE_START : SKIP_LINE;
                    }
                }
                case LENGTH_VALUE -> {
                    if (b >= '0' && b <= '9') {
                        length[slot] = Math.min(length[slot] * 10 + (b - '0'), MAX_BODY_BYTES);
                    } else if (b == '\n') {
                        s = LINE_START;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        return fail(slot, in, "http: bad Content-Length value");
                    }
                }
                case ENCODING_VALUE -> {
                    // The last coding decides the framing (RFC 9112 6.1); "chunked" seen as the value's tail.
                    if (b == '\n') {
                        s = LINE_START;
                    } else if (b == ' ' || b == '\t' || b == '\r') {
                        // whitespace around the value: the match so far stands
                    } else if (count < CHUNKED.length && (b | 0x20) == CHUNKED[count]) {
                        count++;
                        headerFlags[slot] = count == CHUNKED.length ? headerFlags[slot] | FLAG_CHUNKED
                                : headerFlags[slot] & ~FLAG_CHUNKED;
                    } else {
                        count = (b | 0x20) == CHUNKED[0] ? 1 : 0;
                        headerFlags[slot] &= ~FLAG_CHUNKED;
                    }
                }
                case CONNECTION_VALUE -> {
                    // The whole value, whitespace aside, is "close" in any case; past a mismatch count stays > 5.
                    if (b == '\n') {
                        if (count == CLOSE.length) {
                            headerFlags[slot] |= FLAG_CLOSE;
                        }
                        s = LINE_START;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        count = count < CLOSE.length && (b | 0x20) == CLOSE[count] ? count + 1 : CLOSE.length + 1;
                    }
                }
                case END_LF -> {
                    if (b != '\n') {
                        return fail(slot, in, "http: header block not ended by CRLF");
                    }
                    if (status[slot] < 200) {
                        // 1xx is an interim answer; the final one follows (RFC 9110 15.2).
                        s = VERSION;
                        count = 0;
                        length[slot] = -1;
                        headerFlags[slot] = 0;
                        headerBytes[slot] = 0;
                        continue;
                    }
                    headerBytes[slot] = 0;
                    return event(slot, in, i + 1, HEAD_DONE, 0, Result.HEAD);
                }
                case CHUNK_SIZE -> {
                    int digit = Character.digit(b, 16);
                    if (digit >= 0 && count < 11) {
                        length[slot] = length[slot] * 16 + digit;
                        count++;
                    } else if (count > 0 && (b == '\r' || b == ';' || b == ' ' || b == '\t')) {
                        s = CHUNK_EXTENSION;
                    } else if (count > 0 && b == '\n') {
                        s = chunkSizeEnd(slot);
                        count = 0;
                    } else {
                        return fail(slot, in, "http: bad chunk size line");
                    }
                }
                case CHUNK_EXTENSION -> {
                    if (b == '\n') {
                        s = chunkSizeEnd(slot);
                        count = 0;
                    }
                }
                case CHUNK_DATA_END -> {
                    if (b == '\n') {
                        s = CHUNK_SIZE;
                        length[slot] = 0;
                        count = 0;
                        headerBytes[slot] = 0;
                    } else if (b != '\r' || count++ > 0) {
                        return fail(slot, in, "http: chunk data not followed by CRLF");
                    }
                }
                case TRAILER_START -> {
                    if (b == '\r') {
                        s = TRAILER_END_LF;
                    } else if (b == '\n') {
                        return complete(slot, in, i + 1);
                    } else {
                        s = TRAILER_SKIP;
                    }
                }
                case TRAILER_END_LF -> {
                    if (b != '\n') {
                        return fail(slot, in, "http: chunked body not ended by CRLF");
                    }
                    return complete(slot, in, i + 1);
                }
                default -> throw new IllegalStateException("http parser state " + s);
            }
        }
        return event(slot, in, limit, s, count, Result.NEED_MORE);
    }

    /**
     * One connection: consumes bytes up to the end of the next answer and returns {@link Result#RESPONSE} (then
     * {@link #status()}, {@link #contentLength()} and {@link #closeRequested()} describe it), NEED_MORE or
     * MALFORMED; never HEAD.
     */
    public Result parse(ByteBuffer in) {
        Result result;
        while ((result = parse(0, in)) == Result.HEAD) {
            lastContentLength = Math.max(0, length[0]);
        }
        return result;
    }

    /** Saves where the slot stands and where {@code in} was read to. */
    private Result event(int slot, ByteBuffer in, int position, int s, int count, Result result) {
        in.position(position);
        state[slot] = s;
        counter[slot] = count;
        return result;
    }

    /** After a chunk-size line: data follows, or (size 0) the trailer section. */
    private int chunkSizeEnd(int slot) {
        headerBytes[slot] = 0;
        return length[slot] == 0 ? TRAILER_START : CHUNK_DATA;
    }

    private String unexpectedHead(int slot) {
        if (status[slot] != 200) {
            return "http: status " + status[slot] + ", expected 200";
        }
        if ((headerFlags[slot] & FLAG_CHUNKED) != 0 || length[slot] != expectedBody.length) {
            return "http: Content-Length " + length[slot] + ", expected " + expectedBody.length
                    + (length[slot] < 0 ? " (header missing)" : "");
        }
        return null;
    }

    /** A whole answer: noted for {@link #status()}, the slot readied for the next. */
    private Result complete(int slot, ByteBuffer in, int position) {
        lastStatus = status[slot];
        lastClose = (headerFlags[slot] & FLAG_CLOSE) != 0;
        length[slot] = -1;
        headerFlags[slot] = 0;
        headerBytes[slot] = 0;
        return event(slot, in, position, VERSION, 0, Result.RESPONSE);
    }

    private Result fail(int slot, ByteBuffer in, String message) {
        malformation = message;
        in.position(in.limit());
        reset(slot);
        return Result.MALFORMED;
    }

    /** Forgets the parse state of {@code slot} (a new connection starts there). */
    public void reset(int slot) {
        state[slot] = VERSION;
        status[slot] = 0;
        length[slot] = -1;
        counter[slot] = 0;
        headerFlags[slot] = 0;
        headerBytes[slot] = 0;
    }

    /** Status code of the answer in {@code slot} whose head was reported last. */
    public int status(int slot) {
        return status[slot];
    }

    /** Status code of the last complete answer (of any slot: read it on {@link Result#RESPONSE}). */
    public int status() {
        return lastStatus;
    }

    /** Whether the last complete answer said {@code Connection: close}. */
    public boolean closeRequested() {
        return lastClose;
    }

    /** One connection ({@link #parse(ByteBuffer)}): Content-Length of the last answer, 0 when it had none. */
    public long contentLength() {
        return lastContentLength;
    }

    /** Why the last {@link Result#MALFORMED} was. */
    public String malformation() {
        return malformation;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
