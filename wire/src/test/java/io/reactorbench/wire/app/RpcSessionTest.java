package io.reactorbench.wire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.client.RpcResponseDecoder;
import io.reactorbench.wire.rpc.RpcFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcSessionTest {

    private record Request(long id, int responseSize, int cpuSpinNs, int blockUs, int payloadBytes) {
    }

    private record Response(long id, int payloadSize) {
    }

    private static byte[] encode(List<Request> requests) {
        int total = requests.stream().mapToInt(r -> RpcFrame.requestLength(r.payloadBytes())).sum();
        ByteBuffer buffer = ByteBuffer.allocate(total);
        for (Request r : requests) {
            RpcFrame.writeRequest(buffer, r.id(), r.responseSize(), r.cpuSpinNs(), r.blockUs(), r.payloadBytes());
        }
        return buffer.array();
    }

    private static List<Response> decode(byte[] output) {
        RpcResponseDecoder decoder = new RpcResponseDecoder(true);
        ByteBuffer in = ByteBuffer.wrap(output);
        List<Response> responses = new ArrayList<>();
        while (in.hasRemaining()) {
            RpcResponseDecoder.Result result = decoder.decode(in);
            assertThat(result).isNotEqualTo(RpcResponseDecoder.Result.MALFORMED);
            if (result == RpcResponseDecoder.Result.RESPONSE) {
                responses.add(new Response(decoder.id(), decoder.payloadSize()));
            }
        }
        return responses;
    }

    private static final List<Request> MIXED = List.of(
            new Request(1, 0, 0, 0, 0),
            new Request(2, 100, 1000, 0, 7),
            new Request(-3, 13, 0, 0, 300),
            new Request(Long.MAX_VALUE, 1, 0, 0, 1));

    @Test
    void shouldAnswerPipelinedRequestsInOrderForEverySplitPoint() {
        byte[] input = encode(MIXED);
        List<Response> expected = MIXED.stream().map(r -> new Response(r.id(), r.responseSize())).toList();
        for (int chunk = 1; chunk <= input.length; chunk++) {
            SessionDriver.Run run = SessionDriver.run(new RpcSession(), input, chunk, 64);
            assertThat(decode(run.output())).as("chunk %d", chunk).isEqualTo(expected);
        }
    }

    @Test
    void shouldAnswerWhenTheInputIsSplitAtAnyOneByte() {
        byte[] input = encode(MIXED);
        List<Response> expected = MIXED.stream().map(r -> new Response(r.id(), r.responseSize())).toList();
        for (int split = 1; split < input.length; split++) {
            RpcSession session = new RpcSession();
            ByteBuffer out = ByteBuffer.allocate(1024);
            assertThat(session.process(ByteBuffer.wrap(input, 0, split), out)).isEqualTo(ServerSession.Outcome.NEED_INPUT);
            assertThat(session.process(ByteBuffer.wrap(input, split, input.length - split), out))
                    .isEqualTo(ServerSession.Outcome.NEED_INPUT);
            assertThat(decode(java.util.Arrays.copyOf(out.array(), out.position()))).as("split %d", split)
                    .isEqualTo(expected);
        }
    }

    @Test
    void shouldStreamAOneMebibyteResponseThroughATinyOutputBuffer() {
        int responseSize = 1024 * 1024;
        byte[] input = encode(List.of(new Request(77, responseSize, 0, 0, 0), new Request(78, 5, 0, 0, 0)));

        SessionDriver.Run run = SessionDriver.run(new RpcSession(), input, input.length, 100);

        assertThat(run.output()).hasSize(RpcFrame.responseLength(responseSize) + RpcFrame.responseLength(5));
        assertThat(decode(run.output())).containsExactly(new Response(77, responseSize), new Response(78, 5));
    }

    @Test
    void shouldReportPendingOutputWhileALargeResponseStreams() {
        RpcSession session = new RpcSession();
        ByteBuffer out = ByteBuffer.allocate(16);
        byte[] input = encode(List.of(new Request(1, 1000, 0, 0, 0)));

        assertThat(session.process(ByteBuffer.wrap(input), out)).isEqualTo(ServerSession.Outcome.OUTPUT_FULL);
        assertThat(session.hasPendingOutput()).isTrue();
    }

    @Test
    void shouldAskToBlockThenAnswerAfterWorkDone() {
        RpcSession session = new RpcSession();
        ByteBuffer out = ByteBuffer.allocate(1024);
        byte[] input = encode(List.of(new Request(9, 4, 0, 2000, 3), new Request(10, 0, 0, 0, 0)));
        ByteBuffer in = ByteBuffer.wrap(input);

        assertThat(session.process(in, out)).isEqualTo(ServerSession.Outcome.BLOCK);
        assertThat(session.blockMicros()).isEqualTo(2000);
        assertThat(out.position()).isZero();
        assertThat(session.process(in, out)).as("still blocked until workDone").isEqualTo(ServerSession.Outcome.BLOCK);
        session.workDone();
        assertThat(session.hasPendingOutput()).isTrue();
        assertThat(session.process(in, out)).isEqualTo(ServerSession.Outcome.NEED_INPUT);
        assertThat(decode(java.util.Arrays.copyOf(out.array(), out.position())))
                .containsExactly(new Response(9, 4), new Response(10, 0));
    }

    @Test
    void shouldCountBlocksWhenDrivenLikeADesign() {
        byte[] input = encode(List.of(new Request(1, 1, 0, 5, 0), new Request(2, 1, 0, 5, 0)));

        SessionDriver.Run run = SessionDriver.run(new RpcSession(), input, 1, 8);

        assertThat(run.blocks()).isEqualTo(2);
        assertThat(decode(run.output())).containsExactly(new Response(1, 1), new Response(2, 1));
    }

    @Test
    void shouldCloseOnALengthBelowTheHeader() {
        ByteBuffer bad = ByteBuffer.allocate(8).putInt(19).putInt(0);

        SessionDriver.Run run = SessionDriver.run(new RpcSession(), bad.array(), 1, 64);

        assertThat(run.closed()).isTrue();
        assertThat(run.output()).isEmpty();
    }

    @Test
    void shouldCloseOnALengthAboveTheMaximum() {
        ByteBuffer bad = ByteBuffer.allocate(RpcFrame.REQUEST_HEADER).putInt(RpcFrame.MAX_FRAME + 1);

        assertThat(SessionDriver.run(new RpcSession(), bad.array(), 100, 64).closed()).isTrue();
    }

    @Test
    void shouldCloseOnAResponseSizeOutOfRange() {
        for (int responseSize : new int[] {-1, RpcFrame.MAX_RESPONSE_SIZE + 1}) {
            ByteBuffer bad = ByteBuffer.allocate(RpcFrame.REQUEST_HEADER)
                    .putInt(RpcFrame.MIN_REQUEST_LENGTH).putLong(1).putInt(responseSize).putInt(0).putInt(0);
            assertThat(SessionDriver.run(new RpcSession(), bad.array(), 100, 64).closed()).isTrue();
            assertThat(SessionDriver.run(new RpcSession(), bad.array(), 1, 64).closed()).isTrue();
        }
    }

    @Test
    void shouldAnswerEarlierFramesBeforeClosingOnAMalformedOne() {
        byte[] good = encode(List.of(new Request(5, 3, 0, 0, 0)));
        byte[] input = java.util.Arrays.copyOf(good, good.length + 4);
        ByteBuffer.wrap(input, good.length, 4).putInt(3);

        SessionDriver.Run run = SessionDriver.run(new RpcSession(), input, input.length, 64);

        assertThat(run.closed()).isTrue();
        assertThat(decode(run.output())).containsExactly(new Response(5, 3));
    }

    @Test
    void shouldSpeakBigEndianWhateverTheBuffersByteOrder() {
        ByteBuffer requests = ByteBuffer.allocate(2 * RpcFrame.requestLength(3)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        RpcFrame.writeRequest(requests, 0x0102030405060708L, 9, 0, 0, 3);
        RpcFrame.writeRequest(requests, 2, 0, 0, 0, 3);
        assertThat(requests.array()).isEqualTo(encode(List.of(new Request(0x0102030405060708L, 9, 0, 0, 3),
                new Request(2, 0, 0, 0, 3))));
        requests.flip();
        ByteBuffer out = ByteBuffer.allocate(1024).order(java.nio.ByteOrder.LITTLE_ENDIAN);

        assertThat(new RpcSession().process(requests, out)).isEqualTo(ServerSession.Outcome.NEED_INPUT);

        out.flip();
        RpcResponseDecoder decoder = new RpcResponseDecoder(true);
        assertThat(decoder.decode(out)).isEqualTo(RpcResponseDecoder.Result.RESPONSE);
        assertThat(decoder.id()).isEqualTo(0x0102030405060708L);
        assertThat(decoder.payloadSize()).isEqualTo(9);
        assertThat(decoder.decode(out)).isEqualTo(RpcResponseDecoder.Result.RESPONSE);
        assertThat(decoder.id()).isEqualTo(2);
    }
}
