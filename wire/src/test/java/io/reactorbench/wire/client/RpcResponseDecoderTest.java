package io.reactorbench.wire.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.wire.PayloadPattern;
import io.reactorbench.wire.client.RpcResponseDecoder.Result;
import io.reactorbench.wire.rpc.RpcFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcResponseDecoderTest {

    private record Event(Result result, long id, int payloadSize) {
    }

    private static ByteBuffer responses(long[] ids, int[] sizes) {
        int total = 0;
        for (int size : sizes) {
            total += RpcFrame.responseLength(size);
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (int i = 0; i < ids.length; i++) {
            out.putInt(RpcFrame.MIN_RESPONSE_LENGTH + sizes[i]).putLong(ids[i]);
            PayloadPattern.put(out, 0, sizes[i]);
        }
        return out.flip();
    }

    /** Feeds {@code in} to slot 0 in pieces of {@code step} bytes; every event but NEED_MORE. */
    private static List<Event> feed(RpcResponseDecoder decoder, ByteBuffer in, int step) {
        List<Event> events = new ArrayList<>();
        while (in.hasRemaining()) {
            ByteBuffer piece = in.slice(in.position(), Math.min(step, in.remaining()));
            in.position(in.position() + piece.remaining());
            Result r;
            while ((r = decoder.decode(0, piece)) != Result.NEED_MORE) {
                events.add(new Event(r, decoder.id(0), decoder.payloadSize(0)));
                if (r == Result.MALFORMED) {
                    return events;
                }
            }
        }
        return events;
    }

    @Test
    void shouldReportEachHeaderBeforeItsPayloadThenTheResponseWhateverTheSplit() {
        for (int step = 1; step <= 60; step++) {
            List<Event> events = feed(new RpcResponseDecoder(1, true),
                    responses(new long[] {7, 8, 9}, new int[] {20, 0, 3}), step);
            assertThat(events).as("step %d", step).containsExactly(
                    new Event(Result.HEADER, 7, 20), new Event(Result.RESPONSE, 7, 20),
                    new Event(Result.HEADER, 8, 0), new Event(Result.RESPONSE, 8, 0),
                    new Event(Result.HEADER, 9, 3), new Event(Result.RESPONSE, 9, 3));
        }
    }

    @Test
    void shouldRejectALengthOutOfRangeAndAPayloadThatIsNotThePattern() {
        ByteBuffer shortLength = ByteBuffer.allocate(RpcFrame.RESPONSE_HEADER).putInt(3).putLong(1).flip();
        RpcResponseDecoder decoder = new RpcResponseDecoder(1, true);
        assertThat(decoder.decode(0, shortLength)).isEqualTo(Result.MALFORMED);
        assertThat(decoder.malformation()).contains("length field 3");

        ByteBuffer wrongByte = responses(new long[] {1}, new int[] {10});
        wrongByte.put(RpcFrame.RESPONSE_HEADER + 4, (byte) 0);
        decoder = new RpcResponseDecoder(1, true);
        assertThat(decoder.decode(0, wrongByte)).isEqualTo(Result.HEADER);
        assertThat(decoder.decode(0, wrongByte)).isEqualTo(Result.MALFORMED);
        assertThat(decoder.malformation()).contains("payload byte 4 is 0, expected 4");

        ByteBuffer unchecked = responses(new long[] {1}, new int[] {10});
        unchecked.put(RpcFrame.RESPONSE_HEADER + 4, (byte) 0);
        assertThat(new RpcResponseDecoder(false).decode(unchecked)).isEqualTo(Result.RESPONSE);
    }

    @Test
    void shouldKeepEachSlotsPartialResponseApart() {
        ByteBuffer a = responses(new long[] {1}, new int[] {5});
        ByteBuffer b = responses(new long[] {2}, new int[] {5});
        RpcResponseDecoder decoder = new RpcResponseDecoder(2, true);
        assertThat(decoder.decode(0, a.slice(0, 6))).isEqualTo(Result.NEED_MORE);
        assertThat(decoder.decode(1, b.slice(0, RpcFrame.RESPONSE_HEADER))).isEqualTo(Result.HEADER);
        ByteBuffer restOfA = a.slice(6, a.remaining() - 6);
        assertThat(decoder.decode(0, restOfA)).isEqualTo(Result.HEADER);
        assertThat(decoder.id(0)).isEqualTo(1);
        assertThat(decoder.decode(0, restOfA)).isEqualTo(Result.RESPONSE);
        assertThat(decoder.decode(1, b.slice(RpcFrame.RESPONSE_HEADER, 5))).isEqualTo(Result.RESPONSE);
        assertThat(decoder.id(1)).isEqualTo(2);
    }

    @Test
    void shouldDecodeWholeResponsesOfOneConnectionWithoutHeaderEvents() {
        RpcResponseDecoder decoder = new RpcResponseDecoder(true);
        ByteBuffer in = responses(new long[] {5, 6}, new int[] {0, 100});
        assertThat(decoder.decode(in)).isEqualTo(Result.RESPONSE);
        assertThat(decoder.id()).isEqualTo(5);
        assertThat(decoder.decode(in)).isEqualTo(Result.RESPONSE);
        assertThat(decoder.id()).isEqualTo(6);
        assertThat(decoder.payloadSize()).isEqualTo(100);
        assertThat(decoder.decode(in)).isEqualTo(Result.NEED_MORE);
    }
}
