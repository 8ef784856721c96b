package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.sys.EventFdFlags;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.PollerKind;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * System calls of the epoll poller that fail: the engine must not go on believing what the kernel no longer does.
 * Failures are injected by swapping an fd behind the poller's back (found in {@code /proc/self/fd}), loops stepped
 * by hand.
 */
@Timeout(30)
class EpollSyscallFailureTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void shouldCloseTheConnectionWithTheErrorWhenEpollCtlRefusesAnInterestChange() throws IOException {
        long[] connId = new long[1];
        Engine engine = Engine.open(EngineConfig.defaults().withPoller(PollerKind.EPOLL).withLoops(1),
                new EventHandler() {
                    @Override
                    public Action onOpen(Conn conn) {
                        connId[0] = conn.id();
                        return Action.NONE;
                    }

                    @Override
                    public Action onTraffic(Conn conn) {
                        conn.pauseReading(); // level-triggered: an epoll_ctl(MOD) dropping EPOLLIN
                        return Action.NONE;
                    }

                    @Override
                    public void onClose(Conn conn, Throwable cause) {
                        events.add("close " + (cause == null ? "clean" : cause.getMessage()));
                    }
                });
        EventLoop loop = engine.loop(0);
        try (SocketChannel client = SocketChannel.open(engine.address())) {
            Set<Integer> socketsBefore = fdsLinkedTo("socket:");
            engine.mainLoop().runOnce(0);
            loop.runOnce(0);
            Set<Integer> accepted = fdsLinkedTo("socket:");
            accepted.removeAll(socketsBefore);
            assertThat(accepted).hasSize(1);
            int fd = accepted.iterator().next();
            replaceBehindThePollersBack(fd);

            engine.wake(connId[0]); // onTraffic with nothing new: the handler pauses reading
            loop.runOnce(0);

            assertThat(events).singleElement().asString().startsWith("close epoll_ctl").contains("ENOENT");
            assertThat(loop.connectionCount()).isZero();
        } finally {
            engine.stop(Duration.ofSeconds(1)); // closes the stranger with the slot
        }
    }

    @Test
    void shouldStopAcceptingWhenEpollCtlRefusesToPauseTheListener() throws IOException {
        Set<Integer> socketsBefore = fdsLinkedTo("socket:");
        Engine engine = Engine.open(EngineConfig.defaults().withPoller(PollerKind.EPOLL).withLoops(1),
                conn -> Action.NONE);
        try {
            Set<Integer> listeners = fdsLinkedTo("socket:");
            listeners.removeAll(socketsBefore);
            assertThat(listeners).hasSize(1);
            int fd = listeners.iterator().next();
            replaceBehindThePollersBack(fd);
            Acceptor acceptor = engine.mainLoop().acceptor();

            acceptor.onAcceptable(0); // accept4 fails (ENOTSOCK): back off, which must pause the listener

            assertThat(acceptor.failedAccepts()).isEqualTo(1);
            assertThat(acceptor.isClosed()).as("stopped accepting instead of believing the listener paused").isTrue();
            assertThat(acceptor.resumeAtNs()).as("no back-off left to poll for").isEqualTo(Long.MAX_VALUE);
        } finally {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void shouldFailThePollWhenEpollWaitFailsOtherwiseThanByASignal() throws IOException {
        Set<Integer> before = fdsLinkedTo("anon_inode:[eventpoll]");
        EpollPoller poller = new EpollPoller(SocketSetup.of(EngineConfig.defaults()), false);
        try {
            Set<Integer> epfds = fdsLinkedTo("anon_inode:[eventpoll]");
            epfds.removeAll(before);
            assertThat(epfds).hasSize(1);
            LinuxSys.close(epfds.iterator().next()); // EBADF from now on: polling again would spin

            assertThatThrownBy(() -> poller.poll(0, (slot, readyOps) -> { }))
                    .isInstanceOf(IOException.class).hasMessageContaining("epoll_wait").hasMessageContaining("EBADF");
        } finally {
            poller.close();
        }
    }

    @Test
    void shouldRefuseToRegisterASocketWhoseOptionsCannotBeSet() throws IOException {
        EpollPoller poller = new EpollPoller(SocketSetup.of(EngineConfig.defaults()), false);
        try {
            // not a socket: setsockopt fails with ENOTSOCK, while epoll would register it fine
            int notASocket = LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC);
            assertThatThrownBy(() -> poller.register(notASocket))
                    .isInstanceOf(IOException.class).hasMessageContaining("TCP_NODELAY")
                    .hasMessageContaining("ENOTSOCK");
            assertThat(Files.exists(Path.of("/proc/self/fd/" + notASocket))).as("closed by register").isFalse();
        } finally {
            poller.close();
        }
    }

    @Test
    void shouldCountAnAcceptedSocketThatCannotBeRegisteredAndNeverOpenIt() throws IOException {
        Engine engine = Engine.open(EngineConfig.defaults().withPoller(PollerKind.EPOLL).withLoops(1),
                new EventHandler() {
                    @Override
                    public Action onOpen(Conn conn) {
                        events.add("open");
                        return Action.NONE;
                    }

                    @Override
                    public Action onTraffic(Conn conn) {
                        return Action.NONE;
                    }
                });
        try {
            int notASocket = LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC);
            engine.loop(0).adopt(notASocket);
            assertThat(engine.failedRegistrations()).isEqualTo(1);
            assertThat(events).isEmpty();
            assertThat(engine.openConnections()).isZero();
        } finally {
            engine.stop(Duration.ofSeconds(1));
        }
    }

    /**
     * Closes {@code fd} (and with it its epoll registration) and opens an eventfd, which takes the lowest free
     * number, so the poller's fd now names a file its epoll set never saw. The poller closes it in the end.
     */
    private static void replaceBehindThePollersBack(int fd) {
        LinuxSys.close(fd);
        assertThat(LinuxSys.eventfd(0, EventFdFlags.EFD_NONBLOCK | EventFdFlags.EFD_CLOEXEC)).isEqualTo(fd);
    }

    /** This process's fds whose /proc link starts with {@code prefix} (socket:, anon_inode:[eventpoll], ...). */
    private static Set<Integer> fdsLinkedTo(String prefix) throws IOException {
        Set<Integer> found = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith(prefix)) {
                        found.add(Integer.parseInt(fd.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // gone between listing and reading (the listing's own fd): not ours
                }
            }
        }
        return found;
    }
}
