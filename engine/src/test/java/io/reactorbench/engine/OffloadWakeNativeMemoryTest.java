package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.PollerKind;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Test;

/**
 * What rpc-blocking does per request on engine-epoll: the handler's blocking work runs on the engine's offload
 * executor (a new virtual thread per task), which then wakes the connection's loop. That wake-up is the only native
 * call such a thread makes, and it must not build the thread a native scratch (an arena and five segments) of its
 * own: that would be native memory allocated, and left to the GC, per request.
 */
@Timeout(60)
class OffloadWakeNativeMemoryTest {

    private static final int REQUESTS = 200;
    private static final long TASK_TIMEOUT_MS = 10_000;

    private int wakes;

    @Test
    void shouldWakeTheLoopFromOffloadThreadsWithoutNativeMemoryPerRequest() throws Exception {
        EngineConfig config = EngineConfig.defaults().withPoller(PollerKind.EPOLL).withLoops(1);
        Engine engine = Engine.open(config, conn -> {
            wakes++;
            return Action.NONE;
        });
        EventLoop loop = engine.loop(0);
        try (SocketChannel client = SocketChannel.open(engine.address())) {
            engine.mainLoop().runOnce(0);
            loop.runOnce(0);
            long connId = loop.connectionId(0); // the loop's first and only connection
            long scratchesBefore = LinuxSys.threadScratchesCreated();
            for (int i = 0; i < REQUESTS; i++) {
                CountDownLatch woken = new CountDownLatch(1);
                engine.offload().execute(() -> {
                    engine.wake(connId);
                    woken.countDown();
                });
                assertThat(woken.await(TASK_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();
                loop.runOnce(0); // runs the wake; the next task's offer writes the eventfd again
            }
            assertThat(wakes).isEqualTo(REQUESTS);
            assertThat(LinuxSys.threadScratchesCreated() - scratchesBefore).isZero();
        } finally {
            engine.stop(Duration.ofSeconds(1));
        }
    }
}
