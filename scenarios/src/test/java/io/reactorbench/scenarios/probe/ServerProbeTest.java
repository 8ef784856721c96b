package io.reactorbench.scenarios.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProbeTest {

    @Test
    void shouldCountPauseBeansAndNotConcurrentCycles() {
        assertThat(ServerProbe.isPauseBean("ZGC Minor Pauses")).isTrue();
        assertThat(ServerProbe.isPauseBean("ZGC Major Pauses")).isTrue();
        assertThat(ServerProbe.isPauseBean("G1 Young Generation")).isTrue();
        assertThat(ServerProbe.isPauseBean("G1 Old Generation")).isTrue();
        assertThat(ServerProbe.isPauseBean("ZGC Minor Cycles")).isFalse();
        assertThat(ServerProbe.isPauseBean("ZGC Major Cycles")).isFalse();
        assertThat(ServerProbe.isPauseBean("G1 Concurrent GC")).isFalse();
    }
}
