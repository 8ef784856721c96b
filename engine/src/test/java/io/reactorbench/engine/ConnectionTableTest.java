package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionTableTest {

    private final ConnectionTable table = new ConnectionTable();

    @Test
    void shouldGrowToHoldHighSlotNumbers() {
        table.addConnection(5000, 1L);
        assertThat(table.kind(5000)).isEqualTo(ConnectionTable.KIND_CONNECTION);
        assertThat(table.capacity()).isGreaterThan(5000);
        assertThat(table.kind(4999)).isEqualTo(ConnectionTable.KIND_FREE);
        assertThat(table.kind(1_000_000)).isEqualTo(ConnectionTable.KIND_FREE);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void shouldBumpTheGenerationAndForgetEverythingOnRemove() {
        table.addConnection(7, 1L);
        table.context(7, "session");
        table.set(7, ConnectionLifecycle.PAUSED_BY_HANDLER);
        int generation = table.generation(7);
        table.remove(7);
        assertThat(table.generation(7)).isEqualTo(generation + 1);
        assertThat(table.context(7)).isNull();
        assertThat(table.size()).isZero();
        table.addConnection(7, 2L);
        assertThat(table.has(7, ConnectionLifecycle.PAUSED_BY_HANDLER)).isFalse();
    }

    @Test
    void shouldRefuseASlotThatIsInUse() {
        table.addConnection(3, 1L);
        assertThatThrownBy(() -> table.addConnection(3, 1L)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNotCountListeners() {
        table.addListener(4);
        assertThat(table.size()).isZero();
        assertThat(table.kind(4)).isEqualTo(ConnectionTable.KIND_LISTENER);
    }

    @Test
    void shouldSetAndClearStateFlagsIndependently() {
        table.addConnection(1, 0L);
        table.set(1, ConnectionTable.WANTS_READ | ConnectionLifecycle.PAUSED_BY_BACKPRESSURE);
        table.clear(1, ConnectionLifecycle.PAUSED_BY_BACKPRESSURE);
        assertThat(table.has(1, ConnectionTable.WANTS_READ)).isTrue();
        assertThat(table.has(1, ConnectionLifecycle.PAUSED_BY_BACKPRESSURE)).isFalse();
    }
}
