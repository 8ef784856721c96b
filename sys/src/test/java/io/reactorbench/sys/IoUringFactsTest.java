package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each reason io_uring_setup is refused, from injected facts: a kernel, a sysctl, a seccomp filter, an errno. */
class IoUringFactsTest {

    private static final String MODERN = "6.18.0-1-amd64";

    private static IoUringFacts facts(String kernel, Integer disabled, boolean seccomp, Long memlock) {
        return new IoUringFacts(kernel, disabled, null, seccomp, memlock);
    }

    @Test
    void shouldSayIoUringIsDisabledBySysctlWhenTheSettingIs2() {
        assertThat(facts(MODERN, 2, false, null).whySetupFailed(Errno.EPERM))
                .isEqualTo("io_uring is disabled on this machine (sysctl kernel.io_uring_disabled = 2; 0 allows it)");
    }

    @Test
    void shouldSayOnlyAGroupMayCreateRingsWhenTheSettingIs1() {
        assertThat(new IoUringFacts(MODERN, 1, 1001, false, null).whySetupFailed(Errno.EPERM))
                .isEqualTo("sysctl kernel.io_uring_disabled = 1 lets only CAP_SYS_ADMIN and the group with gid 1001"
                        + " create rings, and this process is neither");
        assertThat(new IoUringFacts(MODERN, 1, -1, false, null).whySetupFailed(Errno.EPERM))
                .contains("the group kernel.io_uring_group (unset)");
    }

    @Test
    void shouldBlameAnActiveSeccompFilterForEpermOrEnosysUnderOne() {
        assertThat(facts(MODERN, 0, true, null).whySetupFailed(Errno.EPERM))
                .startsWith("a seccomp filter is active (Seccomp: 2 in /proc/self/status)").contains("Docker's since 2023");
        assertThat(facts(MODERN, null, true, null).whySetupFailed(Errno.ENOSYS)).startsWith("a seccomp filter is active");
        assertThat(facts(MODERN, 0, false, null).whySetupFailed(Errno.EPERM))
                .as("no sysctl and no filter to blame").contains("a security module");
    }

    @Test
    void shouldNameAKernelWithoutIoUring() {
        assertThat(facts("4.19.0-27-amd64", null, false, null).whySetupFailed(Errno.ENOSYS))
                .isEqualTo("kernel 4.19.0-27-amd64 has no io_uring (it came in Linux 5.1)");
        assertThat(facts(MODERN, null, false, null).whySetupFailed(Errno.ENOSYS))
                .isEqualTo("this kernel has no io_uring (built without CONFIG_IO_URING)");
    }

    @Test
    void shouldBlameRlimitMemlockOnlyBeforeLinux512() {
        assertThat(facts("5.10.0-30-amd64", null, false, 64L * 1024).whySetupFailed(Errno.ENOMEM))
                .startsWith("before Linux 5.12 rings count against RLIMIT_MEMLOCK (64 KiB here)");
        assertThat(facts(MODERN, 0, false, 64L * 1024).whySetupFailed(Errno.ENOMEM))
                .startsWith("out of memory for the rings (this kernel charges them to the memory cgroup");
    }

    @Test
    void shouldFallBackToTheErrnoItself() {
        assertThat(facts(MODERN, 0, false, null).whySetupFailed(Errno.EINVAL)).isEqualTo(Errno.message(Errno.EINVAL));
    }

    @Test
    void shouldReadSeccompMemlockAndTheKernelFromProcTexts() {
        assertThat(IoUringFacts.seccompFiltered("Name:\tjava\nSeccomp:\t2\nSeccomp_filters:\t1\n")).isTrue();
        assertThat(IoUringFacts.seccompFiltered("Name:\tjava\nSeccomp:\t0\nSeccomp_filters:\t0\n")).isFalse();
        assertThat(IoUringFacts.memlockBytes("Max locked memory         8388608              8388608              bytes\n"))
                .isEqualTo(8_388_608L);
        assertThat(IoUringFacts.memlockBytes("Max locked memory         unlimited            unlimited            bytes\n"))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(IoUringFacts.majorMinor("6.18.0-1-amd64")).containsExactly(6, 18);
        assertThat(IoUringFacts.majorMinor("weird")).isNull();
    }
}
