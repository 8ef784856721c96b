package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {

    @Test
    void roundRobinShouldCycleThroughEveryLoop() {
        RoundRobinBalancer balancer = new RoundRobinBalancer(3);
        int[] picks = new int[7];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = balancer.pick(null);
        }
        assertThat(picks).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void leastConnectionsShouldPickTheEmptiestLoopAndTheFirstOnTies() {
        int[] counts = {5, 2, 2, 9};
        LeastConnectionsBalancer.Counted[] loops = new LeastConnectionsBalancer.Counted[counts.length];
        for (int i = 0; i < counts.length; i++) {
            int index = i;
            loops[i] = () -> counts[index];
        }
        LeastConnectionsBalancer balancer = new LeastConnectionsBalancer(loops);
        assertThat(balancer.pick(null)).isEqualTo(1);
        counts[1] = 3;
        assertThat(balancer.pick(null)).isEqualTo(2);
    }

    @Test
    void sourceHashShouldSendTheSameAddressToTheSameLoop() {
        SourceHashBalancer balancer = new SourceHashBalancer(4);
        InetSocketAddress client = new InetSocketAddress("127.0.0.2", 40_000);
        int first = balancer.pick(client);
        for (int i = 0; i < 10; i++) {
            assertThat(balancer.pick(new InetSocketAddress("127.0.0.2", 40_000))).isEqualTo(first);
        }
        assertThat(balancer.needsRemoteAddress()).isTrue();
    }

    @Test
    void sourceHashShouldSpreadManyClientsOverEveryLoop() {
        SourceHashBalancer balancer = new SourceHashBalancer(4);
        int[] perLoop = new int[4];
        for (int port = 40_000; port < 40_400; port++) {
            perLoop[balancer.pick(new InetSocketAddress("127.0.0.1", port))]++;
        }
        for (int count : perLoop) {
            assertThat(count).isGreaterThan(50);
        }
    }
}
