package io.reactorbench.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentCapacityTest {

    @Test
    void shouldBeBoundByPortsTowardsOneTargetAndByOpenFilesTowardsMany() {
        assertThat(AgentCapacity.of(1_000_000, 10, 524_288, 1).limitPerAgent()).isEqualTo(64_512);
        assertThat(AgentCapacity.of(1_000_000, 10, 524_288, 10).limitPerAgent()).isEqualTo(524_288 - 64);
        assertThat(AgentCapacity.of(1_000_000, 10, 20_000, 1).limitPerAgent()).isEqualTo(20_000 - 64);
    }

    @Test
    void shouldWarnWithTheAgentsNeededOnlyWhenAShareDoesNotFit() {
        AgentCapacity tight = AgentCapacity.of(1_000_000, 10, 524_288, 1);

        assertThat(tight.connectionsPerAgent()).isEqualTo(100_000);
        assertThat(tight.warning(1_000_000, 10)).contains("100,000 per agent").contains("64,512")
                .endsWith("use --agents 16 or more").doesNotContain("\n");
        assertThat(AgentCapacity.of(1_000_000, 16, 524_288, 1).warning(1_000_000, 16)).isNull();
    }
}
