package io.reactorbench.scenarios.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.sys.IoUringFacts;
import io.reactorbench.sys.PollerKind;
import org.junit.jupiter.api.Test;

class MachineChecksTest {

    private static final IoUringFacts MODERN = new IoUringFacts("6.18.0-1-amd64", 0, null, false, null);

    @Test
    void shouldSayRingsWorkWithTheKernelAndSysctlThatAllowThem() {
        MachineCheck check = MachineChecks.ioUring(null, MODERN, PollerKind.URING);

        assertThat(check.level()).isEqualTo(MachineCheck.Level.OK);
        assertThat(check.finding()).isEqualTo("rings work (kernel 6.18.0-1-amd64, kernel.io_uring_disabled = 0);"
                + " engine (auto) serves TCP and Unix streams on uring");
    }

    @Test
    void shouldWarnWithTheCauseWhenRingsAreRefused() {
        MachineCheck check = MachineChecks.ioUring("io_uring_setup: EPERM: a seccomp filter is active", MODERN,
                PollerKind.EPOLL);

        assertThat(check.level()).isEqualTo(MachineCheck.Level.WARN);
        assertThat(check.render()).startsWith("warn  io_uring").endsWith("unavailable: io_uring_setup: EPERM: a seccomp"
                + " filter is active; engine (auto) serves TCP and Unix streams on epoll");
    }
}
