package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What stop() leaves behind: nothing queued forgotten, no wake-up written to an fd number reused since. */
@Timeout(60)
class EngineStopTest {

    /** Plenty to reach one particular free fd number: the kernel hands out the lowest free one each time. */
    private static final int MAX_FILES_TO_REACH_AN_FD = 256;
    /** A closed socket shows EOF within this; longer means its fd is still open in the engine. */
    private static final int READ_TIMEOUT_MS = 5_000;

    private static final EventHandler ECHO = conn -> {
        conn.write(conn.inbound());
        return Action.NONE;
    };

    @Test
    void shouldWriteNothingToAReusedFdNumberWhenWokenAfterStop(@TempDir Path dir) throws Exception {
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(PollerKind.EPOLL).withLoops(1), ECHO);
        List<Integer> eventFds = eventFds();
        engine.stop(Duration.ofSeconds(5));
        List<Integer> freed = new ArrayList<>(eventFds);
        freed.removeAll(eventFds());
        assertThat(freed).as("the loops' eventfds are closed by stop").isNotEmpty();

        List<FileChannel> opened = new ArrayList<>();
        Path reuser = null;
        try {
            for (int i = 0; i < MAX_FILES_TO_REACH_AN_FD && reuser == null; i++) {
                Path file = dir.resolve("file-" + i);
                opened.add(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
                for (int fd : freed) {
                    if (file.toRealPath().equals(target(fd))) {
                        reuser = file;
                    }
                }
            }
            assertThat(reuser).as("a file got an fd number the engine's eventfd had").isNotNull();

            engine.wake(0L); // a wake-up as an offloaded task would send it after stop
            engine.asyncWrite(0L, ByteBuffer.allocate(1), null);
            engine.asyncClose(0L);

            assertThat(Files.size(reuser)).as("bytes a stopped engine wrote into someone else's fd").isZero();
        } finally {
            for (FileChannel channel : opened) {
                channel.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldShutDownItsOwnOffloadExecutorOnStop(PollerKind poller) throws Exception {
        Engine engine = Engine.start(EngineConfig.defaults().withPoller(poller).withLoops(1), ECHO);
        engine.offload().execute(() -> { });
        engine.stop(Duration.ofSeconds(5));
        assertThat(((ExecutorService) engine.offload()).isShutdown()).isTrue();
        assertThatThrownBy(() -> engine.offload().execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldCloseAcceptedSocketsStillQueuedForALoopWhenStopped(PollerKind poller) throws Exception {
        Engine engine = Engine.open(EngineConfig.defaults().withPoller(poller).withLoops(1), ECHO);
        try (Socket client = new Socket(engine.address().getAddress(), engine.address().getPort())) {
            engine.mainLoop().runOnce(0); // accepted, and queued for loop 0, which never runs
            engine.stop(Duration.ofSeconds(1));
            client.setSoTimeout(READ_TIMEOUT_MS);
            assertThat(client.getInputStream().read()).as("the queued socket was closed").isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL"})
    void shouldFailAsyncWritesStillQueuedWhenStoppedAndThoseAfter(PollerKind poller) throws Exception {
        AtomicReference<Long> id = new AtomicReference<>();
        Engine engine = Engine.open(EngineConfig.defaults().withPoller(poller).withLoops(1), new EventHandler() {
            @Override
            public Action onOpen(Conn conn) {
                id.set(conn.id());
                return Action.NONE;
            }

            @Override
            public Action onTraffic(Conn conn) {
                return Action.NONE;
            }
        });
        try (Socket _ = new Socket(engine.address().getAddress(), engine.address().getPort())) {
            engine.mainLoop().runOnce(0);
            engine.loop(0).runOnce(0);
            List<Throwable> queuedErrors = new ArrayList<>();
            engine.asyncWrite(id.get(), ByteBuffer.allocate(1), (connId, error) -> queuedErrors.add(error));
            engine.stop(Duration.ofSeconds(1));
            assertThat(queuedErrors).singleElement().isInstanceOf(ClosedChannelException.class);

            List<Throwable> laterErrors = new ArrayList<>();
            engine.asyncWrite(id.get(), ByteBuffer.allocate(1), (connId, error) -> laterErrors.add(error));
            assertThat(laterErrors).as("told at once, on the calling thread")
                    .singleElement().isInstanceOf(ClosedChannelException.class);
        }
    }

    /** This process's open eventfds, by fd number. */
    private static List<Integer> eventFds() throws IOException {
        List<Integer> found = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc/self/fd"))) {
            for (Path entry : entries.toList()) {
                Path target = target(Integer.parseInt(entry.getFileName().toString()));
                if (target != null && target.toString().equals("anon_inode:[eventfd]")) {
                    found.add(Integer.parseInt(entry.getFileName().toString()));
                }
            }
        }
        return found;
    }

    /** What fd {@code fd} of this process refers to, or null if it is not open. */
    private static Path target(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
        } catch (IOException e) {
            return null;
        }
    }
}
