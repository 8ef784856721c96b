package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A burst of connects under least-connections, loops stepped by hand: every connection is waiting in the backlog
 * before the main loop's one accept event hands them all over, and no sub-loop runs until then. That is the worst
 * case for a count that rises only when a loop adopts.
 */
@Timeout(60)
class LeastConnectionsBurstTest {

    private static final int LOOPS = 4;
    private static final int BURST = 1_000;
    /** Within ±10 % of an even share. */
    private static final int SLACK = BURST / LOOPS / 10;
    /** Iterations to accept the burst and to adopt it (256 tasks per iteration per loop); far more than needed. */
    private static final int MAX_ITERATIONS = 100;

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldSpreadABurstOfConnectsEvenlyAcrossLoops(PollerKind poller) throws IOException {
        PollerAssumptions.assumeAvailable(poller);
        EngineConfig config = EngineConfig.defaults().withPoller(poller).withLoops(LOOPS)
                .withLoadBalancing(LoadBalancing.LEAST_CONNECTIONS);
        Engine engine = Engine.open(config, conn -> Action.NONE);
        List<SocketChannel> clients = new ArrayList<>();
        try {
            for (int i = 0; i < BURST; i++) {
                clients.add(SocketChannel.open(engine.address())); // in the backlog once open returns
            }
            for (int i = 0; i < MAX_ITERATIONS && engine.mainLoop().runOnce(0) > 0; i++) {
                // accepting: all of the burst is handed over before any sub-loop runs
            }
            for (int i = 0; i < MAX_ITERATIONS && engine.openConnections() < BURST; i++) {
                for (int loop = 0; loop < LOOPS; loop++) {
                    engine.loop(loop).runOnce(0);
                }
            }
            assertThat(engine.openConnections()).isEqualTo(BURST);
            for (int loop = 0; loop < LOOPS; loop++) {
                assertThat(engine.loop(loop).table.size()).as("connections on loop %d", loop)
                        .isBetween(BURST / LOOPS - SLACK, BURST / LOOPS + SLACK);
            }
        } finally {
            for (SocketChannel client : clients) {
                client.close();
            }
            engine.stop(Duration.ofSeconds(1));
        }
    }

}
