package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCpuQuotaTest {

    @TempDir
    Path sysFsCgroup;

    @Test
    void shouldWritePeriodAndQuotaAndEveryPidIntoACgroupV1Group() throws IOException {
        Path cpu = Files.createDirectories(sysFsCgroup.resolve("cpu"));
        Files.writeString(cpu.resolve("cpu.cfs_quota_us"), "-1");
        Path leftover = Files.createDirectories(cpu.resolve("reactorbench-20261126-000000-1234"));

        ServerCpuQuota.Hierarchy hierarchy = ServerCpuQuota.Hierarchy.find(sysFsCgroup);
        hierarchy.prepare();
        ServerCpuQuota quota = ServerCpuQuota.apply(hierarchy, "run-42", 50, ProcessHandle.current());

        assertThat(hierarchy.available()).isTrue();
        assertThat(hierarchy.v2()).isFalse();
        assertThat(leftover).as("an empty group an earlier run left behind").doesNotExist();
        assertThat(quota.group()).isEqualTo(cpu.resolve("reactorbench-run-42"));
        assertThat(Files.readString(quota.group().resolve("cpu.cfs_period_us"))).isEqualTo("10000");
        assertThat(Files.readString(quota.group().resolve("cpu.cfs_quota_us"))).isEqualTo("5000");
        assertThat(Files.readString(quota.group().resolve("cgroup.procs")))
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void shouldDelegateTheCpuControllerAndWriteCpuMaxOnCgroupV2() throws IOException {
        Files.writeString(sysFsCgroup.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        Files.writeString(sysFsCgroup.resolve("cgroup.subtree_control"), "memory\n");

        ServerCpuQuota.Hierarchy hierarchy = ServerCpuQuota.Hierarchy.find(sysFsCgroup);
        assertThat(Files.readString(sysFsCgroup.resolve("cgroup.subtree_control")))
                .as("finding the hierarchy (as doctor does) changes nothing").isEqualTo("memory\n");
        hierarchy.prepare();
        ServerCpuQuota quota = ServerCpuQuota.apply(hierarchy, "run-7", 150, ProcessHandle.current());

        assertThat(hierarchy.v2()).isTrue();
        assertThat(hierarchy.describe()).isEqualTo("cgroup v2 cpu controller at " + sysFsCgroup);
        assertThat(Files.readString(sysFsCgroup.resolve("cgroup.subtree_control"))).isEqualTo("+cpu");
        assertThat(Files.readString(quota.group().resolve("cpu.max"))).isEqualTo("15000 10000");
    }

    @Test
    void shouldLengthenThePeriodBelowTenPercentBecauseTheKernelRefusesQuotasUnderOneMillisecond() {
        assertThat(ServerCpuQuota.quotaAndPeriodUs(50)).containsExactly(5_000, 10_000);
        assertThat(ServerCpuQuota.quotaAndPeriodUs(10)).containsExactly(1_000, 10_000);
        assertThat(ServerCpuQuota.quotaAndPeriodUs(2.5)).containsExactly(1_000, 40_000);
        assertThat(ServerCpuQuota.quotaAndPeriodUs(1)).containsExactly(1_000, 100_000);
        assertThat(ServerCpuQuota.quotaAndPeriodUs(400)).containsExactly(40_000, 10_000);
    }

    @Test
    void shouldFailTheCellWithTheCauseWhenNoCpuControllerIsMounted() {
        ServerCpuQuota.Hierarchy hierarchy = ServerCpuQuota.Hierarchy.find(sysFsCgroup);

        assertThat(hierarchy.available()).isFalse();
        assertThatThrownBy(() -> ServerCpuQuota.apply(hierarchy, "run-1", 50, ProcessHandle.current()))
                .isInstanceOf(CellFailure.class)
                .hasMessage("serverCpuQuota 50% cannot be applied: no cgroup cpu controller under " + sysFsCgroup);
    }

    /**
     * On the real hierarchy (root, as in CI): a process spinning on a CPU under a 20 % quota is throttled, and
     * the group is gone once the process has exited.
     */
    @Test
    void shouldThrottleAProcessThatSpinsPastItsQuotaOnThisMachine() throws Exception {
        ServerCpuQuota.Hierarchy hierarchy = ServerCpuQuota.Hierarchy.find(Path.of("/sys/fs/cgroup"));
        assertThat(hierarchy.unavailabilityCause()).as("the runner's cgroup access on this machine").isNull();
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        ServerCpuQuota quota = null;
        try {
            quota = ServerCpuQuota.apply(hierarchy, "test-" + spinner.pid(), 20, spinner.toHandle());
            assertThat(Files.readString(Path.of("/proc/" + spinner.pid() + "/cgroup")))
                    .contains("/reactorbench-test-" + spinner.pid());
            long throttled = 0;
            for (int i = 0; i < 50 && throttled == 0; i++) { // 20 periods of 10 ms are plenty; bounded at 5 s
                Thread.sleep(100);
                throttled = throttledPeriods(quota.group());
            }
            assertThat(throttled).as("periods in which the spinner used up its quota").isPositive();
        } finally {
            spinner.destroyForcibly();
            spinner.waitFor(5, TimeUnit.SECONDS);
            if (quota != null) {
                quota.close();
            }
        }
        assertThat(quota.group()).doesNotExist();
    }

    private static long throttledPeriods(Path group) throws IOException {
        return Files.readAllLines(group.resolve("cpu.stat")).stream()
                .filter(line -> line.startsWith("nr_throttled "))
                .mapToLong(line -> Long.parseLong(line.substring("nr_throttled ".length()).trim()))
                .findFirst().orElse(0);
    }
}
