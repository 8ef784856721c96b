package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** io_uring availability as a value: a sentence a user can act on, or null. */
class IoUringSupportTest {

    @Test
    void shouldSayWhyOrNothingAndAgreeWithPollerKind() {
        String cause = IoUringSupport.unavailabilityCause();
        assertThat(IoUringSupport.isAvailable()).isEqualTo(cause == null);
        assertThat(PollerKind.URING.unavailabilityCause()).isEqualTo(cause);
        assertThat(PollerKind.parse("URING")).isEqualTo(PollerKind.URING);
        assertThat(PollerKind.AUTO.resolve()).isNotEqualTo(PollerKind.URING); // a client's: no io_uring client poller
        assertThat(PollerKind.AUTO.resolveForServer(false, false).poller())
                .isEqualTo(cause == null ? PollerKind.URING : PollerKind.AUTO.resolve());
    }

    @Test
    void shouldCompareKernelVersions() {
        assertThat(IoUringSupport.atLeast("6.18.0-1-amd64", 6, 0)).isTrue();
        assertThat(IoUringSupport.atLeast("6.0", 6, 0)).isTrue();
        assertThat(IoUringSupport.atLeast("5.19.17", 6, 0)).isFalse();
        assertThat(IoUringSupport.atLeast("4.4.0-generic", 6, 0)).isFalse();
        assertThat(IoUringSupport.atLeast("weird", 6, 0)).isTrue(); // unparseable: the real calls decide
    }

    @Test
    void shouldExplainTheRefusalsAUserCanFix() {
        assertThat(IoUringSupport.explain(-Errno.ENOMEM, "io_uring_setup: ENOMEM")).contains("RLIMIT_MEMLOCK");
        assertThat(IoUringSupport.explain(-Errno.ENOSYS, "io_uring_setup: ENOSYS")).contains("no io_uring");
        assertThat(IoUringSupport.explain(-Errno.EPERM, "io_uring_setup: EPERM"))
                .containsAnyOf("seccomp", "io_uring_disabled");
    }
}
