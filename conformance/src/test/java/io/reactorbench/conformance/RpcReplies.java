package io.reactorbench.conformance;

import io.reactorbench.wire.client.RpcResponseDecoder;
import io.reactorbench.wire.rpc.RpcFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** rpc on the test side: encodes requests, reads and checks responses (payload bytes verified). */
final class RpcReplies {

    record Request(long id, int responseSize, int cpuSpinNs, int blockUs, int payloadBytes) {

        static Request of(long id, int responseSize) {
            return new Request(id, responseSize, 0, 0, 0);
        }
    }

    record Reply(long id, int payloadSize) {
    }

    private RpcReplies() {
    }

    static byte[] encode(List<Request> requests) {
        int total = requests.stream().mapToInt(r -> RpcFrame.requestLength(r.payloadBytes())).sum();
        ByteBuffer out = ByteBuffer.allocate(total);
        for (Request r : requests) {
            RpcFrame.writeRequest(out, r.id(), r.responseSize(), r.cpuSpinNs(), r.blockUs(), r.payloadBytes());
        }
        return out.array();
    }

    static List<Reply> expected(List<Request> requests) {
        return requests.stream().map(r -> new Reply(r.id(), r.responseSize())).toList();
    }

    /** Reads {@code count} responses. */
    static List<Reply> read(Client client, int count) throws IOException {
        RpcResponseDecoder decoder = new RpcResponseDecoder(true);
        List<Reply> replies = new ArrayList<>();
        byte[] buffer = new byte[64 * 1024];
        while (replies.size() < count) {
            int n = client.read(buffer);
            if (n < 0) {
                throw new IOException("end of stream after " + replies.size() + " of " + count + " responses");
            }
            decodeAll(decoder, ByteBuffer.wrap(buffer, 0, n), replies);
            if (replies.size() > count) {
                throw new IOException("more responses than requests: " + replies);
            }
        }
        return replies;
    }

    /** Decodes every whole response in {@code bytes}; fails on a malformed one or a trailing partial one. */
    static List<Reply> decode(byte[] bytes) throws IOException {
        RpcResponseDecoder decoder = new RpcResponseDecoder(true);
        List<Reply> replies = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decodeAll(decoder, in, replies);
        return replies;
    }

    private static void decodeAll(RpcResponseDecoder decoder, ByteBuffer in, List<Reply> replies) throws IOException {
        while (in.hasRemaining()) {
            switch (decoder.decode(in)) {
                case RESPONSE -> replies.add(new Reply(decoder.id(), decoder.payloadSize()));
                case MALFORMED -> throw new IOException("malformed rpc response after " + replies);
                case NEED_MORE -> {
                }
            }
        }
    }
}
