package io.reactorbench.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * http: one precomputed request ({@link HttpRequest}) pipelined; answers parsed byte by byte with the state of
 * each slot in flat arrays, so a response may be split anywhere and nothing is allocated per response. Bodies
 * are delimited by {@code Content-Length} or by chunked {@code Transfer-Encoding} and skipped in bulk; answers
 * are counted by status code. For {@link HttpRequest#PLAINTEXT} every answer must be status 200 with
 * {@code Content-Length: 13} and the body {@code Hello, World!} (the TechEmpower check).
 *
 * <p>Why not {@link io.reactorbench.wire.http.HttpResponseParser}: that is one object per connection, and
 * the load generator keeps every connection's state in flat arrays per worker to stay under 256 B of heap
 * per idle client connection (measured 141 B at 10,000). The two parsers check the same things; the
 * conformance suite uses the wire one, so a disagreement shows up as errors in one and not the other.
 */
final class HttpProtocol implements Protocol {

    static final byte[] EXPECTED_BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);
    /** A header block (or chunk-size line, or trailer block) longer than this is refused, not scanned on. */
    private static final int MAX_HEADER_BYTES = 8192;
    /** Bounds body and chunk sizes so their arithmetic never overflows; a body this large is not a benchmark. */
    private static final long MAX_BODY_BYTES = 1L << 40;
    /** Status codes are three digits: counted in an array indexed by the code. */
    static final int STATUS_CODES = 1000;

    // Header states
    private static final int VERSION = 0;
    private static final int STATUS = 1;
    private static final int SKIP_LINE = 2;
    private static final int LINE_START = 3;
    private static final int NAME = 4;
    private static final int LENGTH_VALUE = 5;
    private static final int ENCODING_VALUE = 6;
    private static final int END_LF = 7;
    // Body states: bytes here do not count against MAX_HEADER_BYTES
    private static final int BODY = 8;
    private static final int CHUNK_DATA = 9;
    // Chunk framing states: count against MAX_HEADER_BYTES, reset per chunk
    private static final int CHUNK_SIZE = 10;
    private static final int CHUNK_EXTENSION = 11;
    private static final int CHUNK_DATA_END = 12;
    private static final int TRAILER_START = 13;
    private static final int TRAILER_SKIP = 14;
    private static final int TRAILER_END_LF = 15;

    /** {@link #headerFlags}: the answer's last transfer coding is chunked. */
    private static final int FLAG_CHUNKED = 1;
    /** {@link #headerFlags}: the header name being matched is Transfer-Encoding (else Content-Length). */
    private static final int FLAG_MATCHING_TRANSFER_ENCODING = 2;

    private final byte[] request;
    private final boolean checksPlaintext;
    private final boolean answersHaveNoBody;
    private final int[] state;
    private final int[] status;
    /** Content-Length (-1: none), then body or chunk bytes left. */
    private final long[] length;
    /** Characters of a header name or of "chunked" matched, body bytes checked, status digits seen. */
    private final int[] counter;
    /** FLAG_ bits of the answer's header block. */
    private final int[] headerFlags;
    private final int[] headerBytes;
    /** Answers by status code; written by the worker only (lazySet), summed by the run's reporter thread. */
    private final AtomicLongArray statusCounts = new AtomicLongArray(STATUS_CODES);
    private String mismatch;

    HttpProtocol(int slots, HttpRequest httpRequest) {
        request = httpRequest.bytes();
        checksPlaintext = httpRequest.checksPlaintextAnswer();
        answersHaveNoBody = httpRequest.answersHaveNoBody();
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

    @Override
    public int requestBytes() {
        return request.length;
    }

    @Override
    public void writeRequestBytes(int slot, int globalConn, long firstSeq, long fromOffset, long toOffset,
            ByteBuffer out) {
        long offset = fromOffset;
        while (offset < toOffset) {
            int within = (int) (offset % request.length);
            int n = (int) Math.min(toOffset - offset, request.length - within);
            out.put(request, within, n);
            offset += n;
        }
    }

    @Override
    public int onResponseBytes(int slot, int globalConn, long nextSeq, int outstanding, ByteBuffer in) {
        int completed = 0;
        int s = state[slot];
        int count = counter[slot];
        int limit = in.limit();
        for (int i = in.position(); i < limit; i++) {
            if (s == BODY || s == CHUNK_DATA) {
                // Bodies are skipped in bulk (checked byte by byte only for the plaintext answer).
                int n = (int) Math.min(length[slot], limit - i);
                if (checksPlaintext) {
                    for (int k = 0; k < n; k++, count++) {
                        byte b = in.get(i + k);
                        if (b != EXPECTED_BODY[count]) {
                            return fail(slot, in, "http: body byte " + count + " is " + (b & 0xff) + ", expected '"
                                    + (char) EXPECTED_BODY[count] + "'");
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
                        completed++;
                        s = complete(slot);
                        count = 0;
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
                    if (count == 0 && b != 'H') {
                        return fail(slot, in, "http: response does not start with HTTP/ (byte " + (b & 0xff) + ")");
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
                        headerFlags[slot] &= ~FLAG_MATCHING_TRANSFER_ENCODING;
                        count = 1;
                    } else if ((b | 0x20) == TRANSFER_ENCODING[0]) {
                        s = NAME;
                        headerFlags[slot] |= FLAG_MATCHING_TRANSFER_ENCODING;
                        count = 1;
                    } else {
                        s = SKIP_LINE;
                    }
                }
                case NAME -> {
                    byte[] name = (headerFlags[slot] & FLAG_MATCHING_TRANSFER_ENCODING) == 0 ? CONTENT_LENGTH
                            : TRANSFER_ENCODING;
                    if (count == name.length && b == ':') {
                        if (name == CONTENT_LENGTH) {
                            if (length[slot] >= 0) {
                                return fail(slot, in, "http: two Content-Length headers");
                            }
                            s = LENGTH_VALUE;
                            length[slot] = 0;
                        } else {
                            s = ENCODING_VALUE;
                            count = 0;
                        }
                    } else if (count < name.length && (b | 0x20) == name[count]) {
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
                    if (completed >= outstanding) {
                        return fail(slot, in, "http: a response came with no request outstanding");
                    }
                    String wrong = checksPlaintext ? plaintextMismatch(slot) : null;
                    if (wrong != null) {
                        return fail(slot, in, wrong);
                    }
                    count = 0;
                    headerBytes[slot] = 0;
                    if (answersHaveNoBody || status[slot] == 204 || status[slot] == 304) {
                        completed++;
                        s = complete(slot);
                    } else if ((headerFlags[slot] & FLAG_CHUNKED) != 0) {
                        s = CHUNK_SIZE;
                        length[slot] = 0;
                    } else if (length[slot] > 0) {
                        s = BODY;
                    } else if (length[slot] == 0) {
                        completed++;
                        s = complete(slot);
                    } else {
                        return fail(slot, in, "http: status " + status[slot] + " answer has neither Content-Length"
                                + " nor chunked Transfer-Encoding, so its end on a kept-alive connection is unknown");
                    }
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
                        completed++;
                        s = complete(slot);
                        count = 0;
                    } else {
                        s = TRAILER_SKIP;
                    }
                }
                case TRAILER_END_LF -> {
                    if (b != '\n') {
                        return fail(slot, in, "http: chunked body not ended by CRLF");
                    }
                    completed++;
                    s = complete(slot);
                    count = 0;
                }
                default -> throw new IllegalStateException("http parser state " + s);
            }
        }
        in.position(limit);
        state[slot] = s;
        counter[slot] = count;
        return completed;
    }

    /** After a chunk-size line: data follows, or (size 0) the trailer section. */
    private int chunkSizeEnd(int slot) {
        headerBytes[slot] = 0;
        return length[slot] == 0 ? TRAILER_START : CHUNK_DATA;
    }

    private String plaintextMismatch(int slot) {
        if (status[slot] != 200) {
            return "http: status " + status[slot] + ", expected 200";
        }
        if ((headerFlags[slot] & FLAG_CHUNKED) != 0 || length[slot] != EXPECTED_BODY.length) {
            return "http: Content-Length " + length[slot] + ", expected " + EXPECTED_BODY.length
                    + (length[slot] < 0 ? " (header missing)" : "");
        }
        return null;
    }

    /** Counts a whole answer and readies the slot for the next; returns the state to go on in. */
    private int complete(int slot) {
        int code = status[slot];
        statusCounts.lazySet(code, statusCounts.get(code) + 1);
        length[slot] = -1;
        headerFlags[slot] = 0;
        headerBytes[slot] = 0;
        return VERSION;
    }

    private int fail(int slot, ByteBuffer in, String message) {
        mismatch = message;
        in.position(in.limit());
        reset(slot);
        return MISMATCH;
    }

    @Override
    public void reset(int slot) {
        state[slot] = VERSION;
        status[slot] = 0;
        length[slot] = -1;
        counter[slot] = 0;
        headerFlags[slot] = 0;
        headerBytes[slot] = 0;
    }

    @Override
    public String mismatch() {
        return mismatch;
    }

    @Override
    public void addStatusCounts(long[] into) {
        for (int code = 0; code < STATUS_CODES; code++) {
            into[code] += statusCounts.get(code);
        }
    }
}
