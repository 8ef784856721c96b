package io.reactorbench.wire.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EchoVerifierTest {

    @Test
    void shouldAcceptTheStreamItSentInAnySplit() {
        EchoVerifier verifier = new EchoVerifier();
        ByteBuffer wire = ByteBuffer.allocate(200_000);
        verifier.send(wire, 70_000);
        verifier.send(wire, 100_000);
        wire.flip();

        while (wire.hasRemaining()) {
            ByteBuffer piece = wire.slice(wire.position(), Math.min(777, wire.remaining()));
            wire.position(wire.position() + piece.remaining());
            assertThat(verifier.receive(piece)).isTrue();
        }
        assertThat(verifier.outstandingBytes()).isZero();
        assertThat(verifier.receivedBytes()).isEqualTo(170_000);
    }

    @Test
    void shouldRejectAChangedByteOrMoreThanWasSent() {
        EchoVerifier verifier = new EchoVerifier();
        ByteBuffer wire = ByteBuffer.allocate(10);
        verifier.send(wire, 10);
        wire.put(3, (byte) 99).flip();

        assertThat(verifier.receive(wire)).isFalse();
        assertThat(new EchoVerifier().receive(ByteBuffer.allocate(1))).isFalse();
    }
}
