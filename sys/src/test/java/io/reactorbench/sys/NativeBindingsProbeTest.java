package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeBindingsProbeTest {

    @Test
    void shouldBeAvailableOnThisLinuxMachineWithNativeAccess() {
        assertThat(LinuxSys.unavailabilityCause()).isNull();
        assertThat(LinuxSys.isAvailable()).isTrue();
        // surefire passes --enable-native-access=ALL-UNNAMED (parent pom test.jvm.args)
        assertThat(LinuxSys.isNativeAccessEnabled()).isTrue();
    }

    @Test
    void shouldLayOutEpollEventsForThisArchitecture() {
        boolean x86 = System.getProperty("os.arch").equals("amd64");
        assertThat(EpollEvents.ENTRY_SIZE).isEqualTo(x86 ? 12 : 16);
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            EpollEvents events = new EpollEvents(arena, 3);
            events.set(1, EpollFlags.EPOLLIN | EpollFlags.EPOLLET, 0x1234_5678_9abc_def0L);
            assertThat(events.events(1)).isEqualTo(EpollFlags.EPOLLIN | EpollFlags.EPOLLET);
            assertThat(events.data(1)).isEqualTo(0x1234_5678_9abc_def0L);
            assertThat(events.segment().byteSize()).isEqualTo(3 * EpollEvents.ENTRY_SIZE);
        }
    }
}
