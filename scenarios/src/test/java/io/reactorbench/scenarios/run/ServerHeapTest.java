package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each server JVM's heap follows its share of the cell's connections once the suite's fixed heap no longer fits. */
class ServerHeapTest {

    private static final List<String> SUITE = List.of("--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m",
            "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch");

    @Test
    void shouldKeepTheSuitesHeapForOneProcessWithinWhatItWasChosenFor() {
        assertThat(ServerHeap.sized(SUITE, "netty-epoll", 19_800, 1)).isEqualTo(SUITE);
        assertThat(ServerHeap.sized(SUITE, "engine-epoll", 19_800, 1)).isEqualTo(SUITE);
    }

    @Test
    void shouldSizeEachOfSeveralProcessesFromItsConnectionsWithoutPreTouch() {
        // 1,000,000 over 52 processes: 19,231 each; 64 MiB + 19,231 KiB = 82.8 MiB for the engine
        assertThat(ServerHeap.sized(SUITE, "engine-epoll", 1_000_000, 52)).containsExactly(
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xms32m", "-Xmx83m");
        // 4 KiB each for Netty: 64 MiB + 76,924 KiB = 139.2 MiB
        assertThat(ServerHeap.sized(SUITE, "netty-epoll", 1_000_000, 52)).containsExactly(
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xms32m", "-Xmx140m");
        // 16 KiB each for a thread per connection (its stack chunk is on the heap): 64 MiB + 307,696 KiB = 364.5 MiB
        assertThat(ServerHeap.sized(SUITE, "vthreads", 1_000_000, 52)).containsExactly(
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xms32m", "-Xmx365m");
    }

    @Test
    void shouldFitAMillionConnectionsOverFiftyTwoProcessesInAFractionOfTheMachine() {
        long perProcess = Math.ceilDiv(1_000_000, 52);
        long allHeapsBytes = 52 * ServerHeap.maxHeapBytes("netty-epoll", perProcess);

        assertThat(allHeapsBytes).isLessThan(8L << 30); // with ~10 GB of kernel socket memory and 52 load JVMs in 24 GiB
    }

    @Test
    void shouldResizeOneProcessWhoseConnectionsOutgrowTheSuitesHeap() {
        List<String> small = List.of("-Xmx128m", "-XX:+AlwaysPreTouch");

        // 64 MiB + 19,800 x 4 KiB = 141.3 MiB > 128 MiB
        assertThat(ServerHeap.sized(small, "netty-nio", 19_800, 1)).containsExactly("-Xms32m", "-Xmx142m");
        assertThat(ServerHeap.sized(small, "engine-nio", 19_800, 1)).isEqualTo(small);
    }

    @Test
    void shouldLeaveTheJvmsDefaultHeapToOneProcessWhenTheSuiteSetsNone() {
        List<String> none = List.of("-XX:+UseParallelGC");

        assertThat(ServerHeap.sized(none, "threads", 19_800, 1)).isEqualTo(none);
        assertThat(ServerHeap.sized(none, "threads", 600, 3)).containsExactly("-XX:+UseParallelGC", "-Xms32m",
                "-Xmx68m");
    }

    @Test
    void shouldReadTheLastMaxHeapInEveryJvmSpelling() {
        assertThat(ServerHeap.givenMaxHeapBytes(List.of("-Xmx1g", "-XX:MaxHeapSize=256M"))).isEqualTo(256L << 20);
        assertThat(ServerHeap.givenMaxHeapBytes(List.of("-Xmx2048k"))).isEqualTo(2L << 20);
        assertThat(ServerHeap.givenMaxHeapBytes(List.of("-Xmx1073741824"))).isEqualTo(1L << 30);
        assertThat(ServerHeap.givenMaxHeapBytes(List.of("-Xmxlots"))).isNull();
        assertThat(ServerHeap.givenMaxHeapBytes(List.of("-Xms1g"))).isNull();
    }
}
