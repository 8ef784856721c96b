package io.reactorbench.wire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EchoSessionTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096, 100_000})
    void shouldEchoEveryByteWhateverTheSplitAndOutputRoom(int chunkBytes) {
        byte[] input = new byte[100_000];
        new Random(42).nextBytes(input);

        SessionDriver.Run run = SessionDriver.run(new EchoSession(), input, chunkBytes, 1000);

        assertThat(run.output()).isEqualTo(input);
        assertThat(run.lastOutcome()).isEqualTo(ServerSession.Outcome.NEED_INPUT);
    }

    @Test
    void shouldNeverHavePendingOutputOfItsOwn() {
        assertThat(new EchoSession().hasPendingOutput()).isFalse();
    }
}
