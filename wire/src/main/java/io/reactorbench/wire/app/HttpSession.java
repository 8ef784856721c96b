package io.reactorbench.wire.app;

import io.reactorbench.wire.http.HttpDate;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * http: HTTP/1.1 with keep-alive and pipelining. {@code GET /plaintext} gets the TechEmpower plaintext
 * response, other paths 404; {@code HEAD} gets what GET would without the body (RFC 9110 9.3.2); other methods
 * get 501 and keep the connection; a malformed request line or header gets 400 and a close, a head over
 * {@link #MAX_HEAD_BYTES} gets 431 and a close; {@code Connection: close} (and HTTP/1.0 without keep-alive)
 * closes after the response. Request bodies with Content-Length are skipped; Transfer-Encoding (chunked bodies,
 * not decoded here) gets 400 and a close, since the request's end, and so the next request, is unknown.
 *
 * <p>A byte-at-a-time state machine over primitive fields, so any split of the input works and nothing is
 * allocated per request. Pipelined requests are answered one after another, in order.
 */
public final class HttpSession implements ServerSession {

    /** Largest request head (request line and headers) accepted; larger gets 431. */
    public static final int MAX_HEAD_BYTES = 8 * 1024;

    private static final byte[] GET = {'G', 'E', 'T'};
    private static final byte[] HEAD = {'H', 'E', 'A', 'D'};
    private static final byte[] PLAINTEXT_PATH = {'/', 'p', 'l', 'a', 'i', 'n', 't', 'e', 'x', 't'};
    private static final byte[] HTTP_1_ = {'H', 'T', 'T', 'P', '/', '1', '.'};
    private static final byte[] CLOSE_TOKEN = {'c', 'l', 'o', 's', 'e'};
    private static final byte[] KEEP_ALIVE_TOKEN = {'k', 'e', 'e', 'p', '-', 'a', 'l', 'i', 'v', 'e'};
    /** Header names the session acts on, lower case; indexes are the bits of {@link #nameCandidates}. */
    private static final byte[][] KNOWN_HEADERS = {
            "connection".getBytes(StandardCharsets.US_ASCII),
            "content-length".getBytes(StandardCharsets.US_ASCII),
            "transfer-encoding".getBytes(StandardCharsets.US_ASCII)};
    private static final int CONNECTION = 0;
    private static final int CONTENT_LENGTH = 1;
    private static final int TRANSFER_ENCODING = 2;
    private static final int OTHER_HEADER = -1;
    private static final int ALL_KNOWN = (1 << KNOWN_HEADERS.length) - 1;
    /** Bounds Content-Length so that the sum never overflows; a body this large is not a benchmark. */
    private static final long MAX_CONTENT_LENGTH = 1L << 40;

    private enum State {
        SKIP_EMPTY_LINES, METHOD, TARGET, VERSION, REQUEST_LINE_LF, HEADER_LINE_START, HEADER_NAME,
        HEADER_VALUE, HEADER_LF, HEAD_END_LF, SKIP_BODY, WRITE_RESPONSE, CLOSED
    }

    private final HttpDate date;
    private State state = State.SKIP_EMPTY_LINES;

    // the request being parsed
    private int headBytes;
    private int methodLength;
    private boolean methodIsGet;
    private boolean methodIsHead;
    /** The request's method was exactly HEAD: its response goes out without a body. */
    private boolean headRequest;
    private int targetLength;
    private boolean targetIsPlaintext;
    private int versionIndex;
    private boolean http10;
    private int nameLength;
    private int nameCandidates;
    private int header;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private boolean transferEncoding;
    private long contentLength;
    private boolean valueBroken;
    private int tokenLength;
    private boolean tokenMayBeClose;
    private boolean tokenMayBeKeepAlive;
    private boolean tokenEnded;
    private long bodyLeft;

    // the response being written
    private CannedHttpResponse response;
    private byte[] responseDate;
    /** How much of the response's suffix is sent: all of it, or without the body for HEAD. */
    private int responseSuffixLength;
    private int responseSegment;
    private int responseOffset;
    private boolean closeAfterResponse;

    public HttpSession() {
        this(HttpDate.system());
    }

    /** A session whose Date header comes from {@code date} (tests inject a clock). */
    public HttpSession(HttpDate date) {
        this.date = date;
        resetRequest();
    }

    @Override
    public Outcome process(ByteBuffer in, ByteBuffer out) {
        while (true) {
            switch (state) {
                case WRITE_RESPONSE -> {
                    if (!writeResponse(out)) {
                        return Outcome.OUTPUT_FULL;
                    }
                    if (closeAfterResponse) {
                        state = State.CLOSED;
                    } else {
                        resetRequest();
                        state = State.SKIP_EMPTY_LINES;
                    }
                }
                case CLOSED -> {
                    in.position(in.limit()); // nothing after the last response is read
                    return Outcome.CLOSE;
                }
                case SKIP_BODY -> {
                    int n = (int) Math.min(bodyLeft, in.remaining());
                    in.position(in.position() + n);
                    bodyLeft -= n;
                    if (bodyLeft > 0) {
                        return Outcome.NEED_INPUT;
                    }
                    beginResponse(response);
                }
                default -> {
                    if (!in.hasRemaining()) {
                        return Outcome.NEED_INPUT;
                    }
                    parseHead(in);
                }
            }
        }
    }

    /** Consumes head bytes until the head ends, it proves malformed, or {@code in} runs out. */
    private void parseHead(ByteBuffer in) {
        int position = in.position();
        int limit = in.limit();
        while (position < limit) {
            if (state == State.HEADER_VALUE && header == OTHER_HEADER) {
                // fast path: most head bytes are values nobody here looks at (Accept, User-Agent, Host)
                int runEnd = position;
                int runLimit = Math.min(limit, position + (MAX_HEAD_BYTES - headBytes));
                while (runEnd < runLimit && isPlainValueByte(in.get(runEnd) & 0xff)) {
                    runEnd++;
                }
                headBytes += runEnd - position;
                position = runEnd;
                if (position == limit) {
                    break;
                }
            }
            int b = in.get(position++) & 0xff;
            if (++headBytes > MAX_HEAD_BYTES) {
                fail(CannedHttpResponse.HEADER_TOO_LARGE);
                break;
            }
            if (!onHeadByte(b)) {
                fail(CannedHttpResponse.BAD_REQUEST);
                break;
            }
            if (state == State.SKIP_BODY || state == State.WRITE_RESPONSE) {
                break;
            }
        }
        in.position(position);
    }

    /** Advances the head state machine by one byte; false when the byte makes the request malformed. */
    private boolean onHeadByte(int b) {
        switch (state) {
            case SKIP_EMPTY_LINES -> {
                // RFC 9112 2.2: a server SHOULD ignore empty lines received before the request line
                if (b == '\r' || b == '\n') {
                    return true;
                }
                state = State.METHOD;
                return onMethodByte(b);
            }
            case METHOD -> {
                return onMethodByte(b);
            }
            case TARGET -> {
                if (b == ' ') {
                    targetIsPlaintext &= targetLength == PLAINTEXT_PATH.length;
                    state = State.VERSION;
                    return targetLength > 0;
                }
                if (b <= ' ' || b == 0x7f) {
                    return false;
                }
                targetIsPlaintext &= targetLength < PLAINTEXT_PATH.length && PLAINTEXT_PATH[targetLength] == b;
                targetLength++;
                return true;
            }
            case VERSION -> {
                return onVersionByte(b);
            }
            case REQUEST_LINE_LF, HEADER_LF -> {
                state = State.HEADER_LINE_START;
                return b == '\n';
            }
            case HEADER_LINE_START -> {
                if (b == '\r') {
                    state = State.HEAD_END_LF;
                    return true;
                }
                if (b == '\n') {
                    return onHeadEnd();
                }
                if (!isTokenChar(b)) {
                    return false; // includes obs-fold (a line starting with SP or HTAB), RFC 9112 5.2
                }
                nameLength = 0;
                nameCandidates = ALL_KNOWN;
                state = State.HEADER_NAME;
                return onNameByte(b);
            }
            case HEADER_NAME -> {
                if (b == ':') {
                    return onNameEnd();
                }
                return isTokenChar(b) && onNameByte(b);
            }
            case HEADER_VALUE -> {
                if (b == '\r' || b == '\n') {
                    state = b == '\r' ? State.HEADER_LF : State.HEADER_LINE_START;
                    return onValueEnd();
                }
                if (!isPlainValueByte(b)) {
                    return false;
                }
                onValueByte(b);
                return true;
            }
            case HEAD_END_LF -> {
                return b == '\n' && onHeadEnd();
            }
            default -> throw new IllegalStateException("not parsing a head: " + state);
        }
    }

    private boolean onMethodByte(int b) {
        if (b == ' ') {
            methodIsGet &= methodLength == GET.length;
            methodIsHead &= methodLength == HEAD.length;
            headRequest = methodIsHead;
            state = State.TARGET;
            return methodLength > 0;
        }
        if (!isTokenChar(b)) {
            return false;
        }
        methodIsGet &= methodLength < GET.length && GET[methodLength] == b;
        methodIsHead &= methodLength < HEAD.length && HEAD[methodLength] == b;
        methodLength++;
        return true;
    }

    private boolean onVersionByte(int b) {
        int at = versionIndex++;
        if (at < HTTP_1_.length) {
            return b == HTTP_1_[at];
        }
        if (at == HTTP_1_.length) {
            http10 = b == '0';
            return b == '0' || b == '1';
        }
        if (b == '\r') {
            state = State.REQUEST_LINE_LF;
            return true;
        }
        if (b == '\n') {
            state = State.HEADER_LINE_START;
            return true;
        }
        return false;
    }

    private boolean onNameByte(int b) {
        int lower = b | 0x20; // only used for comparison with lower-case letters and '-'
        for (int i = 0; i < KNOWN_HEADERS.length; i++) {
            byte[] name = KNOWN_HEADERS[i];
            if ((nameCandidates & (1 << i)) != 0 && (nameLength >= name.length || name[nameLength] != lower)) {
                nameCandidates &= ~(1 << i);
            }
        }
        nameLength++;
        return true;
    }

    private boolean onNameEnd() {
        if (nameLength == 0) {
            return false;
        }
        header = OTHER_HEADER;
        for (int i = 0; i < KNOWN_HEADERS.length; i++) {
            if ((nameCandidates & (1 << i)) != 0 && KNOWN_HEADERS[i].length == nameLength) {
                header = i;
            }
        }
        // the value scanner's state, shared by Connection tokens and Content-Length digits
        valueBroken = false;
        tokenEnded = false;
        tokenLength = 0;
        tokenMayBeClose = true;
        tokenMayBeKeepAlive = true;
        if (header == CONTENT_LENGTH) {
            if (contentLength >= 0) {
                return false; // a second Content-Length: refuse rather than guess (RFC 9112 6.3)
            }
            contentLength = 0;
        } else if (header == TRANSFER_ENCODING) {
            transferEncoding = true;
        }
        state = State.HEADER_VALUE;
        return true;
    }

    private void onValueByte(int b) {
        if (header == CONNECTION) {
            onConnectionByte(b);
        } else if (header == CONTENT_LENGTH) {
            onContentLengthByte(b);
        }
    }

    /** Connection is a comma-separated token list; we look for "close" and "keep-alive", any case. */
    private void onConnectionByte(int b) {
        if (b == ',') {
            onConnectionTokenEnd();
            return;
        }
        if (b == ' ' || b == '\t') {
            tokenEnded = tokenLength > 0;
            return;
        }
        if (tokenEnded) {
            tokenMayBeClose = false; // "keep alive": whitespace inside a token
            tokenMayBeKeepAlive = false;
        }
        int lower = b >= 'A' && b <= 'Z' ? b | 0x20 : b;
        tokenMayBeClose &= tokenLength < CLOSE_TOKEN.length && CLOSE_TOKEN[tokenLength] == lower;
        tokenMayBeKeepAlive &= tokenLength < KEEP_ALIVE_TOKEN.length && KEEP_ALIVE_TOKEN[tokenLength] == lower;
        tokenLength++;
    }

    private void onConnectionTokenEnd() {
        connectionClose |= tokenMayBeClose && tokenLength == CLOSE_TOKEN.length;
        connectionKeepAlive |= tokenMayBeKeepAlive && tokenLength == KEEP_ALIVE_TOKEN.length;
        tokenLength = 0;
        tokenEnded = false;
        tokenMayBeClose = true;
        tokenMayBeKeepAlive = true;
    }

    /** Content-Length is digits with optional whitespace around them. */
    private void onContentLengthByte(int b) {
        if (b == ' ' || b == '\t') {
            tokenEnded = tokenLength > 0;
        } else if (b >= '0' && b <= '9' && !tokenEnded) {
            contentLength = contentLength * 10 + (b - '0');
            tokenLength++;
            valueBroken |= contentLength > MAX_CONTENT_LENGTH;
        } else {
            valueBroken = true;
        }
    }

    private boolean onValueEnd() {
        if (header == CONNECTION) {
            onConnectionTokenEnd();
        } else if (header == CONTENT_LENGTH) {
            return !valueBroken && tokenLength > 0;
        }
        return true;
    }

    private boolean onHeadEnd() {
        if (transferEncoding) {
            return false; // chunked request bodies are not supported: 400 and close
        }
        boolean close = connectionClose || (http10 && !connectionKeepAlive);
        closeAfterResponse = close;
        CannedHttpResponse status = !(methodIsGet || methodIsHead) ? CannedHttpResponse.NOT_IMPLEMENTED
                : targetIsPlaintext ? CannedHttpResponse.OK : CannedHttpResponse.NOT_FOUND;
        response = CannedHttpResponse.of(status, close, http10);
        bodyLeft = Math.max(contentLength, 0);
        if (bodyLeft > 0) {
            state = State.SKIP_BODY;
        } else {
            beginResponse(response);
        }
        return true;
    }

    private void fail(CannedHttpResponse error) {
        closeAfterResponse = true;
        beginResponse(error);
    }

    private void beginResponse(CannedHttpResponse canned) {
        response = canned;
        responseDate = date.bytes(); // immutable: safe to hold while the response streams out
        responseSuffixLength = headRequest ? canned.headSuffixLength : canned.suffix.length;
        responseSegment = 0;
        responseOffset = 0;
        state = State.WRITE_RESPONSE;
    }

    /** Copies the response into {@code out} as room allows; true once all of it is there. */
    private boolean writeResponse(ByteBuffer out) {
        byte[] prefix = response.prefix;
        byte[] suffix = response.suffix;
        int suffixLength = responseSuffixLength;
        if (responseSegment == 0 && responseOffset == 0
                && out.remaining() >= prefix.length + responseDate.length + suffixLength) {
            out.put(prefix).put(responseDate).put(suffix, 0, suffixLength);
            return true;
        }
        while (responseSegment < 3) {
            byte[] segment = responseSegment == 0 ? prefix : responseSegment == 1 ? responseDate : suffix;
            int segmentLength = responseSegment == 2 ? suffixLength : segment.length;
            int n = Math.min(segmentLength - responseOffset, out.remaining());
            out.put(segment, responseOffset, n);
            responseOffset += n;
            if (responseOffset < segmentLength) {
                return false;
            }
            responseSegment++;
            responseOffset = 0;
        }
        return true;
    }

    private void resetRequest() {
        headBytes = 0;
        methodLength = 0;
        methodIsGet = true;
        methodIsHead = true;
        headRequest = false;
        targetLength = 0;
        targetIsPlaintext = true;
        versionIndex = 0;
        http10 = false;
        connectionClose = false;
        connectionKeepAlive = false;
        transferEncoding = false;
        contentLength = -1;
        bodyLeft = 0;
    }

    /** A header value byte other than CR/LF: VCHAR, obs-text, SP or HTAB (RFC 9110 5.5); CTLs are malformed. */
    private static boolean isPlainValueByte(int b) {
        return b >= ' ' ? b != 0x7f : b == '\t';
    }

    /** RFC 9110 5.6.2 tchar. */
    private static boolean isTokenChar(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '!' || b == '#' || b == '$' || b == '%' || b == '&' || b == '\'' || b == '*'
                || b == '+' || b == '-' || b == '.' || b == '^' || b == '_' || b == '`' || b == '|' || b == '~';
    }

    @Override
    public long blockMicros() {
        return 0;
    }

    @Override
    public void workDone() {
    }

    @Override
    public boolean hasPendingOutput() {
        return state == State.WRITE_RESPONSE;
    }
}
