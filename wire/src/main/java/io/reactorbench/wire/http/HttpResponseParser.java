package io.reactorbench.wire.http;

import java.nio.ByteBuffer;

/**
 * Client side: parses HTTP/1.1 responses incrementally (any split), without allocating. Reads the status,
 * {@code Content-Length} and {@code Connection: close}, and skips the body. Responses without Content-Length
 * are taken as bodiless; chunked responses are reported MALFORMED (no server here sends them).
 */
public final class HttpResponseParser {

    public enum Result { NEED_MORE, RESPONSE, MALFORMED }

    /** Largest response head accepted; a server that sends more is broken. */
    public static final int MAX_HEAD_BYTES = 64 * 1024;

    private static final byte[] HTTP_1_ = {'H', 'T', 'T', 'P', '/', '1', '.'};
    private static final byte[] CONTENT_LENGTH = {'c', 'o', 'n', 't', 'e', 'n', 't', '-', 'l', 'e', 'n', 'g', 't',
        'h'};
    private static final byte[] CONNECTION = {'c', 'o', 'n', 'n', 'e', 'c', 't', 'i', 'o', 'n'};
    private static final byte[] TRANSFER_ENCODING = {'t', 'r', 'a', 'n', 's', 'f', 'e', 'r', '-', 'e', 'n', 'c',
        'o', 'd', 'i', 'n', 'g'};
    private static final byte[] CLOSE = {'c', 'l', 'o', 's', 'e'};

    private enum State { STATUS_LINE, HEADER_LINE_START, HEADER_NAME, HEADER_VALUE, HEAD_END_LF, BODY }

    private State state = State.STATUS_LINE;
    private int headBytes;
    private int lineIndex;
    private int statusParsed;
    private int nameLength;
    private boolean nameIsContentLength;
    private boolean nameIsConnection;
    private boolean nameIsTransferEncoding;
    private long contentLengthParsed;
    private boolean closeParsed;
    private int valueIndex;
    private boolean valueMayBeClose;
    private long bodyLeft;

    private int lastStatus;
    private long lastContentLength;
    private boolean lastClose;

    /** Consumes bytes up to the end of one response (headers and Content-Length body). */
    public Result parse(ByteBuffer in) {
        if (state != State.BODY) {
            Result head = parseHead(in);
            if (head != null) {
                return head;
            }
        }
        int n = (int) Math.min(bodyLeft, in.remaining());
        in.position(in.position() + n);
        bodyLeft -= n;
        if (bodyLeft > 0) {
            return Result.NEED_MORE;
        }
        lastStatus = statusParsed;
        lastContentLength = contentLengthParsed;
        lastClose = closeParsed;
        reset();
        return Result.RESPONSE;
    }

    /** Null once the head is complete (state BODY); otherwise NEED_MORE or MALFORMED. */
    private Result parseHead(ByteBuffer in) {
        while (in.hasRemaining()) {
            int b = in.get() & 0xff;
            if (++headBytes > MAX_HEAD_BYTES) {
                return Result.MALFORMED;
            }
            switch (state) {
                case STATUS_LINE -> {
                    int at = lineIndex++;
                    if (at < HTTP_1_.length) {
                        if (b != HTTP_1_[at]) {
                            return Result.MALFORMED;
                        }
                    } else if (at == HTTP_1_.length) {
                        if (b != '0' && b != '1') {
                            return Result.MALFORMED;
                        }
                    } else if (at == HTTP_1_.length + 1) {
                        if (b != ' ') {
                            return Result.MALFORMED;
                        }
                    } else if (at <= HTTP_1_.length + 4) {
                        if (b < '0' || b > '9') {
                            return Result.MALFORMED;
                        }
                        statusParsed = statusParsed * 10 + (b - '0');
                    } else if (b == '\n') {
                        state = State.HEADER_LINE_START;
                    } else if (at == HTTP_1_.length + 5 && b != ' ' && b != '\r') {
                        return Result.MALFORMED;
                    }
                }
                case HEADER_LINE_START -> {
                    if (b == '\r') {
                        state = State.HEAD_END_LF;
                    } else if (b == '\n') {
                        if (onHeadEnd()) {
                            return null;
                        }
                        return Result.MALFORMED;
                    } else {
                        nameLength = 0;
                        nameIsContentLength = true;
                        nameIsConnection = true;
                        nameIsTransferEncoding = true;
                        state = State.HEADER_NAME;
                        onNameByte(b);
                    }
                }
                case HEADER_NAME -> {
                    if (b == ':') {
                        nameIsContentLength &= nameLength == CONTENT_LENGTH.length;
                        nameIsConnection &= nameLength == CONNECTION.length;
                        nameIsTransferEncoding &= nameLength == TRANSFER_ENCODING.length;
                        if (nameIsTransferEncoding) {
                            return Result.MALFORMED;
                        }
                        if (nameIsContentLength) {
                            contentLengthParsed = 0;
                        }
                        valueIndex = 0;
                        valueMayBeClose = true;
                        state = State.HEADER_VALUE;
                    } else if (b == '\n') {
                        return Result.MALFORMED;
                    } else {
                        onNameByte(b);
                    }
                }
                case HEADER_VALUE -> {
                    if (b == '\n') {
                        if (nameIsConnection && valueMayBeClose && valueIndex == CLOSE.length) {
                            closeParsed = true;
                        }
                        state = State.HEADER_LINE_START;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        if (nameIsContentLength) {
                            if (b < '0' || b > '9' || contentLengthParsed > Long.MAX_VALUE / 20) {
                                return Result.MALFORMED;
                            }
                            contentLengthParsed = contentLengthParsed * 10 + (b - '0');
                        } else if (nameIsConnection) {
                            int lower = b >= 'A' && b <= 'Z' ? b | 0x20 : b;
                            valueMayBeClose &= valueIndex < CLOSE.length && CLOSE[valueIndex] == lower;
                            valueIndex++;
                        }
                    }
                }
                case HEAD_END_LF -> {
                    if (b != '\n' || !onHeadEnd()) {
                        return Result.MALFORMED;
                    }
                    return null;
                }
                default -> throw new IllegalStateException("not parsing a head: " + state);
            }
        }
        return Result.NEED_MORE;
    }

    private void onNameByte(int b) {
        int lower = b >= 'A' && b <= 'Z' ? b | 0x20 : b;
        int at = nameLength++;
        nameIsContentLength &= at < CONTENT_LENGTH.length && CONTENT_LENGTH[at] == lower;
        nameIsConnection &= at < CONNECTION.length && CONNECTION[at] == lower;
        nameIsTransferEncoding &= at < TRANSFER_ENCODING.length && TRANSFER_ENCODING[at] == lower;
    }

    private boolean onHeadEnd() {
        bodyLeft = contentLengthParsed;
        state = State.BODY;
        return true;
    }

    private void reset() {
        state = State.STATUS_LINE;
        headBytes = 0;
        lineIndex = 0;
        statusParsed = 0;
        contentLengthParsed = 0;
        closeParsed = false;
        bodyLeft = 0;
    }

    /** Status code of the last complete response. */
    public int status() {
        return lastStatus;
    }

    /** Content-Length of the last complete response (0 when it had none). */
    public long contentLength() {
        return lastContentLength;
    }

    /** Whether the last response said {@code Connection: close}. */
    public boolean closeRequested() {
        return lastClose;
    }
}
