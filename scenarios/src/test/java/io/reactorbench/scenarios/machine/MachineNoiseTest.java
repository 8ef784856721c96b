package io.reactorbench.scenarios.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.scenarios.run.FdLimits;
import io.reactorbench.sys.MemInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's noise checks read a fake /proc and /sys tree; its limit advice knows root in a container. */
class MachineNoiseTest {

    @TempDir
    Path root;

    private MachineNoise noise(String... pathsAndContents) throws Exception {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = root.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        return new MachineNoise(root);
    }

    @Test
    void shouldWarnWhenTheLoadAverageIsHighForTheCores() throws Exception {
        assertThat(noise("proc/loadavg", "17.13 17.20 10.54 30/728 16019\n").loadAverage(2).level())
                .isEqualTo(MachineCheck.Level.WARN);
        assertThat(noise("proc/loadavg", "0.10 0.20 0.30 1/100 1\n").loadAverage(2).level())
                .isEqualTo(MachineCheck.Level.OK);
    }

    @Test
    void shouldWarnWhenTheHypervisorStealsCpuDuringTheSample() {
        String before = "cpu  1000 0 500 8000 0 0 0 100 0 0\ncpu0 1 2 3\n";
        String stolen = "cpu  1050 0 520 8100 0 0 0 130 0 0\n"; // 30 of 200 ticks stolen
        String quiet = "cpu  1050 0 520 8130 0 0 0 100 0 0\n";

        MachineCheck busy = MachineNoise.cpuSteal(before, stolen, 0.5);
        assertThat(busy.level()).isEqualTo(MachineCheck.Level.WARN);
        assertThat(busy.finding()).startsWith("15.0% of CPU time over 0.5 s");
        assertThat(MachineNoise.cpuSteal(before, quiet, 0.5).level()).isEqualTo(MachineCheck.Level.OK);
    }

    @Test
    void shouldWarnAboutAGovernorThatFollowsTheLoadAndNoteWhenThereIsNone() throws Exception {
        assertThat(noise().governor().level()).isEqualTo(MachineCheck.Level.NOTE);
        MachineNoise mixed = noise("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n",
                "sys/devices/system/cpu/cpu1/cpufreq/scaling_governor", "powersave\n");
        assertThat(mixed.governor().level()).isEqualTo(MachineCheck.Level.WARN);
        assertThat(mixed.governor().finding()).startsWith("performance, powersave");
    }

    @Test
    void shouldWarnWhenTransparentHugePagesAreAlways() throws Exception {
        String path = "sys/kernel/mm/transparent_hugepage/enabled";
        assertThat(noise(path, "[always] madvise never\n").transparentHugePages().level())
                .isEqualTo(MachineCheck.Level.WARN);
        assertThat(noise(path, "always [madvise] never\n").transparentHugePages().level())
                .isEqualTo(MachineCheck.Level.OK);
    }

    @Test
    void shouldBlameTheContainerNotRootWhenRunningAsUidZeroWithoutCapSysResource() {
        Privileges rootInContainer = Privileges.parse("Name: java\nUid:\t0\t0\t0\t0\nCapEff:\t00000000a80425fb\n");
        assertThat(rootInContainer).isEqualTo(new Privileges(0, false));
        assertThat(Privileges.parse("Uid: 0 0 0 0 CapEff: 000001ffffffffff").sysResource()).isTrue();

        MachineLimits limits = new MachineLimits(new FdLimits(20_000, 20_000), 28_232, 32_768, 192_735, 4_096, 2_048,
                new MemInfo(24L << 30, 23L << 30));
        ConnectionCapacity.Advice advice = ConnectionCapacity.advise(1_000_000, limits, rootInContainer);
        String printed = String.join("\n", advice.lines());
        // a million no longer needs a higher hard limit: 51 processes per side hold it (issue 18)
        assertThat(advice.possible()).isTrue();
        assertThat(printed).contains("the container lacks CAP_SYS_RESOURCE").doesNotContain("without root")
                .contains("feasible with 54 server processes, 51 load processes and 20 source addresses");
    }
}
