package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskQueueTest {

    private final AtomicInteger wakeups = new AtomicInteger();
    private final List<Throwable> failures = new ArrayList<>();
    private final TaskQueue queue = new TaskQueue(wakeups::incrementAndGet, failures::add);

    @Test
    void shouldWakeTheLoopOnceForABurstOfTasks() {
        queue.offer(() -> { });
        queue.offer(() -> { });
        queue.offer(() -> { });
        assertThat(wakeups.get()).isEqualTo(1);
        queue.drain(10);
        queue.offer(() -> { });
        assertThat(wakeups.get()).as("a task after a drain needs a fresh wake-up").isEqualTo(2);
    }

    @Test
    void shouldRunTasksInOrderAndNoMoreThanTheLimit() {
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            queue.offer(() -> ran.add(n));
        }
        assertThat(queue.drain(3)).isEqualTo(3);
        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(queue.drain(10)).isEqualTo(2);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void shouldRunEveryTaskOfteredFromManyThreads() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        Thread[] producers = new Thread[4];
        for (int t = 0; t < producers.length; t++) {
            producers[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    queue.offer(ran::incrementAndGet);
                }
            });
        }
        for (Thread producer : producers) {
            producer.join();
        }
        while (queue.drain(1000) > 0) {
            // keep draining
        }
        assertThat(ran.get()).isEqualTo(40_000);
    }

    @Test
    void shouldReportAFailingTaskAndRunTheOnesBehindIt() {
        List<String> ran = new ArrayList<>();
        queue.offer(() -> {
            throw new IllegalStateException("boom");
        });
        queue.offer(() -> ran.add("next"));
        assertThat(queue.drain(10)).isEqualTo(2);
        assertThat(ran).containsExactly("next");
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
    }

    @Test
    void shouldAbandonWhatIsQueuedOnCloseAndWakeNothingAfter() {
        List<String> abandoned = new ArrayList<>();
        queue.offer(abandonable("queued", abandoned));
        queue.offer(() -> abandoned.add("a plain task is dropped, not abandoned"));
        int wakeupsBeforeClose = wakeups.get();
        queue.close();
        assertThat(abandoned).containsExactly("queued");

        queue.offer(abandonable("offered after close", abandoned));
        queue.wakeup();
        assertThat(abandoned).containsExactly("queued", "offered after close");
        assertThat(wakeups.get()).as("no wake-up reaches a closed loop's poller").isEqualTo(wakeupsBeforeClose);
        assertThat(queue.drain(10)).isZero();
    }

    private static AbandonableTask abandonable(String name, List<String> abandoned) {
        return new AbandonableTask() {
            @Override
            public void run() {
                throw new AssertionError(name + " must not run");
            }

            @Override
            public void abandon() {
                abandoned.add(name);
            }
        };
    }
}
