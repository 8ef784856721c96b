package io.reactorbench.loadgen;

import io.reactorbench.wire.http.HttpRequests;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * http: pipelined {@code GET /plaintext}; every response must be status 200 with {@code Content-Length: 13}
 * and the body {@code Hello, World!}. Parsed byte by byte with the state of each slot in int arrays, so a
 * response may be split anywhere.
 *
 * <p>Why not {@link io.reactorbench.wire.http.HttpResponseParser}: that is one object per connection, and
 * the load generator keeps every connection's state in flat arrays per worker to stay under 256 B of heap
 * per idle client connection (measured 141 B at 10,000). The two parsers check the same things; the
 * conformance suite uses the wire one, so a disagreement shows up as errors in one and not the other.
 */
final class HttpProtocol implements Protocol {

    static final byte[] EXPECTED_BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    /** A header block longer than this is not a plaintext response; stop scanning for its end. */
    private static final int MAX_HEADER_BYTES = 8192;

    private static final int VERSION = 0;
    private static final int STATUS = 1;
    private static final int SKIP_LINE = 2;
    private static final int LINE_START = 3;
    private static final int NAME = 4;
    private static final int LENGTH_VALUE = 5;
    private static final int END_LF = 6;
    private static final int BODY = 7;

    private final byte[] request = HttpRequests.GET_PLAINTEXT;
    private final int[] state;
    private final int[] status;
    private final int[] contentLength;
    /** Characters of "content-length" matched (NAME), body bytes left (BODY), digits seen (STATUS). */
    private final int[] counter;
    private final int[] headerBytes;
    private String mismatch;

    HttpProtocol(int slots) {
        state = new int[slots];
        status = new int[slots];
        contentLength = new int[slots];
        counter = new int[slots];
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
            byte b = in.get(i);
            if (s != BODY && ++headerBytes[slot] > MAX_HEADER_BYTES) {
                return fail(slot, in, "http: response header longer than " + MAX_HEADER_BYTES + " bytes");
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
                case SKIP_LINE -> {
                    // Most header bytes are skipped: look for the line end in a tight loop, not byte per switch.
                    int j = i;
                    while (j < limit && in.get(j) != '\n') {
                        j++;
                    }
                    headerBytes[slot] += j - i;
                    if (j < limit) {
                        s = LINE_START;
                    }
                    i = j;
                }
                case LINE_START -> {
                    if (b == '\r') {
                        s = END_LF;
                    } else if (b == '\n') {
                        s = END_LF;
                        i--;
                    } else if ((b | 0x20) == CONTENT_LENGTH[0]) {
                        s = NAME;
                        count = 1;
                    } else {
                        s = SKIP_LINE;
                    }
                }
                case NAME -> {
                    if (count == CONTENT_LENGTH.length && b == ':') {
                        s = LENGTH_VALUE;
                        contentLength[slot] = 0;
                    } else if (count < CONTENT_LENGTH.length && (b | 0x20) == CONTENT_LENGTH[count]) {
                        count++;
                    } else {
                        s = b == '\n' ? LINE_START : SKIP_LINE;
                    }
                }
                case LENGTH_VALUE -> {
                    if (b >= '0' && b <= '9') {
                        contentLength[slot] = Math.min(contentLength[slot] * 10 + (b - '0'), 1 << 30);
                    } else if (b == '\n') {
                        s = LINE_START;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        return fail(slot, in, "http: bad Content-Length value");
                    }
                }
                case END_LF -> {
                    if (b != '\n') {
                        return fail(slot, in, "http: header block not ended by CRLF");
                    }
                    if (completed >= outstanding) {
                        return fail(slot, in, "http: a response came with no request outstanding");
                    }
                    if (status[slot] != 200) {
                        return fail(slot, in, "http: status " + status[slot] + ", expected 200");
                    }
                    if (contentLength[slot] != EXPECTED_BODY.length) {
                        return fail(slot, in, "http: Content-Length " + contentLength[slot] + ", expected "
                                + EXPECTED_BODY.length + (contentLength[slot] < 0 ? " (header missing)" : ""));
                    }
                    s = BODY;
                    count = 0;
                }
                case BODY -> {
                    if (b != EXPECTED_BODY[count]) {
                        return fail(slot, in, "http: body byte " + count + " is " + (b & 0xff) + ", expected '"
                                + (char) EXPECTED_BODY[count] + "'");
                    }
                    count++;
                    if (count == EXPECTED_BODY.length) {
                        completed++;
                        s = VERSION;
                        count = 0;
                        contentLength[slot] = -1;
                        headerBytes[slot] = 0;
                    }
                }
                default -> throw new IllegalStateException("http parser state " + s);
            }
        }
        in.position(limit);
        state[slot] = s;
        counter[slot] = count;
        return completed;
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
        contentLength[slot] = -1;
        counter[slot] = 0;
        headerBytes[slot] = 0;
    }

    @Override
    public String mismatch() {
        return mismatch;
    }
}
