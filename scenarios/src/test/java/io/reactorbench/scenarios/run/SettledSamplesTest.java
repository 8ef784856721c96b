package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.ProbeSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettledSamplesTest {

    private static ProbeSample at(long atMs, long procCpuMs, long anonBytes) {
        return at(atMs, procCpuMs, anonBytes, 0);
    }

    private static ProbeSample at(long atMs, long procCpuMs, long anonBytes, int connections) {
        return new ProbeSample("idle-before", atMs, atMs, 0L, 0L, 0L, 0.0, 0.0, List.of(), 0L, 0L, 5, connections, 1L,
                procCpuMs * 1_000_000, anonBytes + 1_000_000, anonBytes, anonBytes);
    }

    @Test
    void shouldCallSamplesSettledWhenTheyAgreeAndTheServerIsIdle() {
        assertThat(SettledSamples.settled(List.of(at(0, 100, 500_000_000L), at(200, 100, 500_004_096L),
                at(400, 110, 500_000_000L), at(600, 110, 500_000_000L), at(800, 110, 500_000_000L)))).isTrue();
    }

    @Test
    void shouldNotCallSamplesSettledWhileMemoryStillMoves() {
        assertThat(SettledSamples.settled(List.of(at(0, 100, 500_000_000L), at(200, 100, 502_000_000L),
                at(400, 100, 502_000_000L), at(600, 100, 502_000_000L), at(800, 100, 502_000_000L)))).isFalse();
    }

    @Test
    void shouldNotCallSamplesSettledWhileTheServerIsBusyCompiling() {
        // 400 ms of CPU in 800 ms: the JIT is at work, its arenas will move the level soon
        assertThat(SettledSamples.settled(List.of(at(0, 100, 500_000_000L), at(200, 200, 500_000_000L),
                at(400, 300, 500_000_000L), at(600, 400, 500_000_000L), at(800, 500, 500_000_000L)))).isFalse();
    }

    @Test
    void shouldNotCallSamplesSettledWhileTheServerIsStillAccepting() {
        assertThat(SettledSamples.settled(List.of(at(0, 100, 500_000_000L, 7_000), at(200, 100, 500_000_000L, 7_400),
                at(400, 100, 500_000_000L, 7_800), at(600, 100, 500_000_000L, 8_200),
                at(800, 100, 500_000_000L, 8_600)))).isFalse();
    }
}
