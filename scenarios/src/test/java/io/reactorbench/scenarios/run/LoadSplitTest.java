package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.loadgen.Endpoints;
import io.reactorbench.loadgen.Target;
import io.reactorbench.results.LoadPlacement;
import io.reactorbench.wire.spi.Transport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSplitTest {

    @Test
    void aSmallCellRunsAsOneProcessOnKernelChosenAddressesAsBefore() {
        LoadPlacement p = LoadSplit.of(1_000, 19_800, Transport.TCP);
        assertThat(p.single()).isTrue();
        assertThat(p.sourceRange()).isNull();
    }

    @Test
    void aMillionConnectionsTakeOneAgentPerFdLimitAndOneSourcePer50000() {
        LoadPlacement p = LoadSplit.of(1_000_000, 19_800, Transport.TCP);
        assertThat(p.agents()).isEqualTo(51); // ceil(1,000,000 / 19,800)
        assertThat(p.sourceAddresses()).isEqualTo(20);
        assertThat(p.sourceRange()).isEqualTo("127.0.0.2-127.0.0.21");
        assertThat(Endpoints.parseSources(p.sourceRange())).hasSize(20);
    }

    @Test
    void fortyThousandTakeThreeAgentsAndTwoSources() {
        LoadPlacement p = LoadSplit.of(40_000, 19_800, Transport.TCP);
        assertThat(p.agents()).isEqualTo(3);
        assertThat(p.sourceAddresses()).isEqualTo(2);
    }

    @Test
    void unixSocketsTakeNoSourceAddressesAndAnUnknownFdLimitOneProcess() {
        assertThat(LoadSplit.of(30_000, 19_800, Transport.UNIX).sourceAddresses()).isZero();
        assertThat(LoadSplit.of(30_000, -1, Transport.TCP).agents()).isEqualTo(1);
    }

    @Test
    void moreConnectionsThanLoopbackSourcesOfferAreRefused() {
        assertThatThrownBy(() -> LoadSplit.of(20_000_000, 19_800, Transport.TCP))
                .hasMessageContaining("source addresses");
    }

    @Test
    void aSpreadLoadsAgentsGetHeapsSizedForTheirShareAndTheMergeAndOneProcessKeepsItsDefaults() {
        assertThat(LoadSplit.agentJvmOptions(LoadSplit.of(1_000, 19_800, Transport.TCP), 1_000)).isEmpty();
        // 51 agents of 19,608: 64 MiB + 19.2 MiB of connections + 51 x 16 MiB for merging their logs
        assertThat(LoadSplit.agentJvmOptions(LoadSplit.of(1_000_000, 19_800, Transport.TCP), 1_000_000))
                .containsExactly("-Xms16m", "-Xmx900m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void theLoadCommandGetsTheAgentsAndTheSourceRange() {
        var scenario = new io.reactorbench.scenarios.suite.Scenario("idle", "", "echo", "idle", 40_000, 0, 1, 64, 0,
                0, 0, 5, 20_000, 0, 1, 5, 0.01, 1);
        List<String> args = LoadArguments.of(scenario, Target.tcp(new InetSocketAddress("127.0.0.1", 9000)),
                Path.of("load.json"), Path.of("l.hlog"), LoadSplit.of(40_000, 19_800, Transport.TCP), 3);
        assertThat(String.join(" ", args)).contains("--agents 3").contains("--source 127.0.0.2-127.0.0.3");
    }
}
