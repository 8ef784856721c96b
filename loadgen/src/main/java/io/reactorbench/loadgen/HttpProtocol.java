package io.reactorbench.loadgen;

import io.reactorbench.wire.client.HttpResponseParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * http: one precomputed request ({@link HttpRequest}) pipelined; answers parsed by wire's
 * {@link HttpResponseParser} (the one the conformance suite and the server tests use), whose per-connection state
 * sits in flat arrays, so a response may be split anywhere and nothing is allocated per response. Answers are
 * counted by status code. For {@link HttpRequest#PLAINTEXT} every answer must be status 200 with
 * {@code Content-Length: 13} and the body {@code Hello, World!} (the TechEmpower check).
 */
final class HttpProtocol implements Protocol {

    static final byte[] EXPECTED_BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
    /** Status codes are three digits: counted in an array indexed by the code. */
    static final int STATUS_CODES = 1000;

    private final byte[] request;
    private final HttpResponseParser parser;
    /** Answers by status code; written by the worker only (lazySet), summed by the run's reporter thread. */
    private final AtomicLongArray statusCounts = new AtomicLongArray(STATUS_CODES);
    private String mismatch;

    HttpProtocol(int slots, HttpRequest httpRequest) {
        request = httpRequest.bytes();
        parser = new HttpResponseParser(slots, httpRequest.answersHaveNoBody(),
                httpRequest.checksPlaintextAnswer() ? EXPECTED_BODY : null);
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
        while (true) {
            switch (parser.parse(slot, in)) {
                case NEED_MORE -> {
                    return completed;
                }
                case HEAD -> {
                    if (completed >= outstanding) {
                        mismatch = "http: a response came with no request outstanding";
                        in.position(in.limit());
                        parser.reset(slot);
                        return MISMATCH;
                    }
                }
                case RESPONSE -> {
                    completed++;
                    int code = parser.status();
                    statusCounts.lazySet(code, statusCounts.get(code) + 1);
                }
                case MALFORMED -> {
                    mismatch = parser.malformation();
                    return MISMATCH;
                }
            }
        }
    }

    @Override
    public void reset(int slot) {
        parser.reset(slot);
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
