package io.reactorbench.scenarios.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.scenarios.run.FdLimits;
import io.reactorbench.sys.MemInfo;
import org.junit.jupiter.api.Test;

class CapacityPlanTest {

    /** This machine's numbers (MACHINE-NOTES): 20,000 fds hard, ports 32768-60999, pid_max 32,768, 24 GiB. */
    private static final MachineLimits THIS_MACHINE = new MachineLimits(new FdLimits(20_000, 20_000), 28_232, 32_768,
            192_735, 4_096, 2_048, new MemInfo(24L << 30, 23L << 30));

    private static MachineLimits withMemory(MachineLimits m, long availableBytes) {
        return new MachineLimits(m.fds(), m.ephemeralPorts(), m.pidMax(), m.threadsMax(), m.somaxconn(), m.synBacklog(),
                new MemInfo(m.memory().totalBytes(), availableBytes));
    }

    @Test
    void shouldSpreadAMillionConnectionsOverFiftyOneProcessesEachSideAndThirtySixSourceAddressesHere() {
        CapacityPlan plan = CapacityPlan.of(THIS_MACHINE, 1_000_000, ConnectionCost.DEFAULT);

        // 19,800 connections per process (20,000 minus 200 kept for the JVM); 28,232 ports per address pair
        assertThat(plan.serverProcesses()).isEqualTo(54); // filled to 95 %: 1,000,000 / 18,810
        assertThat(plan.loadProcesses()).isEqualTo(51);
        assertThat(plan.sourceAddresses()).isEqualTo(20); // 50,000 per address, ports picked by the load generator
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.verdict()).isEqualTo("feasible with 54 server processes, 51 load processes and 20 source addresses");
        assertThat(plan.firstBinding()).get().extracting(CapacityPlan.Limit::name).isEqualTo("open files");
    }

    @Test
    void shouldCountKernelServerAndClientBytesPerConnectionPlusEveryJvm() {
        ConnectionCost cost = new ConnectionCost(10_000, 400, 600, 50L << 20, 50);

        CapacityPlan plan = CapacityPlan.of(THIS_MACHINE, 1_000_000, cost);

        assertThat(plan.memoryNeededBytes()).isEqualTo(1_000_000L * 11_000 + (54 + 51) * (50L << 20));
        // 23 GiB available minus the guard's floor: the larger of 10 % of 24 GiB and 2 GiB
        assertThat(plan.memoryUsableBytes()).isEqualTo((23L << 30) - (long) ((24L << 30) * 0.10));
    }

    @Test
    void shouldSayTheExactLinesThatLiftEachBindingLimit() {
        CapacityPlan plan = CapacityPlan.of(THIS_MACHINE, 1_000_000, ConnectionCost.DEFAULT);

        assertThat(plan.limits()).filteredOn(l -> l.name().equals("open files")).singleElement()
                .satisfies(l -> assertThat(l.changes()).anyMatch(c -> c.startsWith("# 54 server processes sharing the port"))
                        .anyMatch(c -> c.startsWith("prlimit --pid $$ --nofile=1000200:1000200")));
        assertThat(plan.limits()).filteredOn(l -> l.name().equals("ephemeral ports")).singleElement()
                .satisfies(l -> assertThat(l.changes()).singleElement().asString().startsWith("# nothing to change")
                        .contains("127.0.0.2-127.0.0.21"));
        assertThat(plan.limits()).filteredOn(l -> l.name().equals("pid_max / threads-max")).singleElement()
                .satisfies(l -> assertThat(l.changes()).anyMatch(c -> c.startsWith("sysctl -w kernel.pid_max=2001000")));
    }

    @Test
    void shouldCountProcessesAtTheHardLimitAndSayToRaiseTheSoftOneToIt() {
        MachineLimits softLow = new MachineLimits(new FdLimits(1_024, 10_200), 28_232, 32_768, 192_735, 4_096,
                2_048, THIS_MACHINE.memory());

        CapacityPlan plan = CapacityPlan.of(softLow, 100_000, ConnectionCost.DEFAULT);

        assertThat(plan.serverProcesses()).isEqualTo(11); // 100,000 / (10,000 x 95 %)
        assertThat(plan.limits().getFirst().changes()).contains(
                "ulimit -n 10200   # those counts assume the hard limit: no root needed");
    }

    @Test
    void shouldChangeNothingForAFewConnections() {
        CapacityPlan plan = CapacityPlan.of(THIS_MACHINE, 1_000, ConnectionCost.DEFAULT);

        assertThat(plan.limits()).allSatisfy(l -> assertThat(l.changes()).isEmpty());
        assertThat(plan.firstBinding()).isEmpty();
        assertThat(plan.verdict()).isEqualTo("feasible with 1 server process, 1 load process and 1 source address");
    }

    @Test
    void shouldOnlyRaiseTheSoftLimitWhenTheHardLimitAllows() {
        MachineLimits softLow = new MachineLimits(new FdLimits(1_024, 65_536), 28_232, 32_768, 192_735, 4_096,
                2_048, THIS_MACHINE.memory());

        CapacityPlan plan = CapacityPlan.of(softLow, 10_000, ConnectionCost.DEFAULT);

        assertThat(plan.serverProcesses()).isEqualTo(1);
        assertThat(plan.firstBinding()).get().extracting(CapacityPlan.Limit::onePairAllows).isEqualTo(824L);
        assertThat(plan.limits().getFirst().changes()).containsExactly(
                "ulimit -n 10200   # within the hard limit 65536: no root needed");
    }

    @Test
    void shouldLengthenShortConnectQueuesWithoutCallingThemACap() {
        MachineLimits shortQueues = new MachineLimits(THIS_MACHINE.fds(), 28_232, 32_768, 192_735, 128, 256,
                THIS_MACHINE.memory());

        CapacityPlan plan = CapacityPlan.of(shortQueues, 10_000, ConnectionCost.DEFAULT);

        assertThat(plan.limits()).filteredOn(l -> l.name().equals("somaxconn")).singleElement().satisfies(l -> {
            assertThat(l.changes()).containsExactly(
                    "sysctl -w net.core.somaxconn=10000   # connection bursts overflow a short accept queue",
                    "sysctl -w net.ipv4.tcp_max_syn_backlog=10000");
            assertThat(l.onePairAllows()).isEqualTo(Long.MAX_VALUE);
        });
        assertThat(plan.firstBinding()).isEmpty();
    }

    @Test
    void shouldBeBlockedByMemoryWhatNoProcessCountLifts() {
        CapacityPlan plan = CapacityPlan.of(THIS_MACHINE, 5_000_000, ConnectionCost.DEFAULT);

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.verdict()).isEqualTo("5000000 connections are not possible here: blocked by memory");
        assertThat(plan.limits()).filteredOn(CapacityPlan.Limit::blocks).singleElement()
                .satisfies(l -> assertThat(l.changes()).singleElement().asString().startsWith("# no setting lifts it"));
    }

    @Test
    void shouldLetThePortsBindFirstWhenTheFdLimitIsHigh() {
        MachineLimits manyFds = new MachineLimits(new FdLimits(1_048_576, 1_048_576), 28_232, 32_768, 192_735,
                4_096, 2_048, THIS_MACHINE.memory());

        CapacityPlan plan = CapacityPlan.of(manyFds, 100_000, ConnectionCost.DEFAULT);

        assertThat(plan.firstBinding()).get().extracting(CapacityPlan.Limit::name).isEqualTo("ephemeral ports");
        assertThat(plan.serverProcesses()).isEqualTo(1);
        assertThat(plan.sourceAddresses()).isEqualTo(2);
        assertThat(manyFds.maxConnectionsPerProcessPair()).isEqualTo(28_232);
    }

    @Test
    void shouldLetMemoryBindFirstWhenItIsShort() {
        CapacityPlan plan = CapacityPlan.of(withMemory(THIS_MACHINE, (long) (2.6 * (1L << 30))), 100_000, ConnectionCost.DEFAULT);

        // 2.6 GiB available minus the 2.4 GiB floor and two 60 MiB JVMs: ~85 MiB, ~7,600 connections at 11,664 B
        assertThat(plan.firstBinding()).get().satisfies(l -> {
            assertThat(l.name()).isEqualTo("memory");
            assertThat(l.onePairAllows()).isEqualTo(((long) (2.6 * (1L << 30)) - (long) ((24L << 30) * 0.10)
                    - 2 * (60L << 20)) / 11_664);
        });
        assertThat(plan.feasible()).isFalse();
    }
}
