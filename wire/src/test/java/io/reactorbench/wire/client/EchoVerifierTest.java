package io.reactorbench.wire.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EchoVerifierTest {

    private static ByteBuffer stream(long phase, long fromOffset, int n) {
        ByteBuffer out = ByteBuffer.allocate(n);
        EchoVerifier.put(out, phase, fromOffset, n);
        return out.flip();
    }

    @Test
    void shouldAcceptTheStreamItSentInAnySplit() {
        EchoVerifier verifier = new EchoVerifier(1);
        ByteBuffer wire = ByteBuffer.allocate(200_000);
        EchoVerifier.put(wire, 37, 0, 70_000);
        EchoVerifier.put(wire, 37, 70_000, 100_000);
        wire.flip();

        while (wire.hasRemaining()) {
            ByteBuffer piece = wire.slice(wire.position(), Math.min(777, wire.remaining()));
            wire.position(wire.position() + piece.remaining());
            assertThat(verifier.receive(0, 37, piece)).isEqualTo(-1);
            assertThat(piece.hasRemaining()).isFalse();
        }
        assertThat(verifier.receivedBytes(0)).isEqualTo(170_000);
    }

    @Test
    void shouldPointAtAChangedByteAndConsumeNothing() {
        EchoVerifier verifier = new EchoVerifier(1);
        ByteBuffer wire = stream(0, 0, 10);
        wire.put(3, (byte) 99);

        assertThat(verifier.receive(0, 0, wire)).isEqualTo(3);
        assertThat(wire.position()).isZero();
        assertThat(verifier.receivedBytes(0)).isZero();
    }

    @Test
    void shouldRejectAnotherConnectionsStreamByItsPhase() {
        EchoVerifier verifier = new EchoVerifier(2);
        assertThat(verifier.receive(0, 37, stream(74, 0, 10))).isZero();
        assertThat(verifier.receive(1, 74, stream(74, 0, 10))).isEqualTo(-1);
    }

    @Test
    void shouldKeepEachSlotsStreamApartAndForgetItOnReset() {
        EchoVerifier verifier = new EchoVerifier(2);
        assertThat(verifier.receive(0, 0, stream(0, 0, 5))).isEqualTo(-1);
        assertThat(verifier.receive(1, 0, stream(0, 0, 3))).isEqualTo(-1);
        assertThat(verifier.receive(0, 0, stream(0, 5, 5))).isEqualTo(-1);
        assertThat(verifier.receivedBytes(0)).isEqualTo(10);
        assertThat(verifier.receivedBytes(1)).isEqualTo(3);

        verifier.reset(0);
        assertThat(verifier.receivedBytes(0)).isZero();
        assertThat(verifier.receive(0, 0, stream(0, 0, 4))).isEqualTo(-1);
    }

    @Test
    void shouldWriteThePayloadPatternFromThePhase() {
        ByteBuffer out = stream(300, 2, 4);
        assertThat(out.get(0)).isEqualTo((byte) 302);
        assertThat(out.get(3)).isEqualTo((byte) 305);
        assertThat(EchoVerifier.at(300, 2)).isEqualTo((byte) 302);
    }
}
