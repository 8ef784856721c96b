package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionIdTest {

    /** Reuses of one slot that wrapped the 16-bit generation ids used to carry: a stale id named the new connection. */
    private static final int REUSES_PAST_SIXTEEN_BITS = 65_536;

    @Test
    void shouldRejectAStaleIdAfterItsSlotWasReusedPastSixteenBitsOfGeneration() throws IOException {
        Engine engine = Engine.open(EngineConfig.defaults().withPoller(PollerKind.NIO).withLoops(2),
                conn -> Action.NONE);
        EventLoop loop = engine.loop(1);
        int slot = 7;
        try {
            loop.table.addConnection(slot, 0);
            long stale = loop.connectionId(slot);
            assertThat(loop.slotOf(stale)).isEqualTo(slot);
            for (int i = 0; i < REUSES_PAST_SIXTEEN_BITS; i++) {
                loop.table.remove(slot);
                loop.table.addConnection(slot, 0);
            }
            assertThat(loop.slotOf(stale)).isEqualTo(-1);
            long current = loop.connectionId(slot);
            assertThat(loop.slotOf(current)).isEqualTo(slot);
            assertThat(ConnectionId.loopIndex(current)).isEqualTo(1);
        } finally {
            loop.table.remove(slot); // never the poller's: the loop must not close a socket for it
            engine.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void shouldKeepLoopGenerationAndSlotApartAtTheirLimits() {
        long id = ConnectionId.of(ConnectionId.MAX_LOOPS - 1, -1, ConnectionId.MAX_SLOTS - 1);
        assertThat(ConnectionId.loopIndex(id)).isEqualTo(ConnectionId.MAX_LOOPS - 1);
        assertThat(ConnectionId.generation(id)).isEqualTo(-1);
        assertThat(ConnectionId.slot(id)).isEqualTo(ConnectionId.MAX_SLOTS - 1);
        long zero = ConnectionId.of(0, 0, 0);
        assertThat(ConnectionId.loopIndex(zero)).isZero();
        assertThat(ConnectionId.slot(ConnectionId.of(3, 12345, 42))).isEqualTo(42);
        assertThat(ConnectionId.generation(ConnectionId.of(3, 12345, 42))).isEqualTo(12345);
    }

    @Test
    void shouldRefuseMoreLoopsThanAnIdCanName() {
        assertThatThrownBy(() -> EngineConfig.defaults().withLoops(ConnectionId.MAX_LOOPS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loops must be 0..256");
    }
}
