package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourcePortsTest {

    private static final List<InetAddress> THREE = Endpoints.parseSources("127.0.0.2-127.0.0.4");

    @Test
    void everyConnectionOfARunGetsItsOwnAddressAndPortUpToTheCapacity() {
        int capacity = THREE.size() * SourcePorts.PER_ADDRESS;
        Set<InetSocketAddress> seen = new HashSet<>();
        for (long i = 0; i < capacity; i++) {
            InetSocketAddress local = SourcePorts.of(i, THREE);
            assertThat(local.getPort()).isBetween(SourcePorts.FIRST, 65_535);
            assertThat(seen.add(local)).as("connection %d", i).isTrue();
        }
        assertThat(seen).hasSize(capacity);
    }

    @Test
    void addressesAreTakenRoundRobinAndPortsConsecutivelyWithinOne() {
        assertThat(SourcePorts.of(0, THREE)).isEqualTo(new InetSocketAddress(THREE.get(0), 1024));
        assertThat(SourcePorts.of(1, THREE)).isEqualTo(new InetSocketAddress(THREE.get(1), 1024));
        assertThat(SourcePorts.of(3, THREE)).isEqualTo(new InetSocketAddress(THREE.get(0), 1025));
    }

    @Test
    void agentsSplittingOneRunByGlobalIndexNeverCollide() {
        // two shards of 10 connections: the second starts at global index 10, as LoadSpec.forShard numbers them
        Set<InetSocketAddress> seen = new HashSet<>();
        for (int shardFirst : new int[] {0, 10}) {
            for (int c = 0; c < 10; c++) {
                assertThat(seen.add(SourcePorts.of(shardFirst + c, THREE))).isTrue();
            }
        }
    }
}
