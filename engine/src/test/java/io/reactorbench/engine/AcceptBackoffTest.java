package io.reactorbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.engine.apps.EchoHandler;
import io.reactorbench.sys.Errno;
import io.reactorbench.sys.LinuxSys;
import io.reactorbench.sys.PollerKind;
import io.reactorbench.sys.SocketFlags;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Out of file descriptors (EMFILE), the acceptor frees its spare fd, accepts the waiting connection and closes
 * it at once (the client sees EOF instead of hanging in the backlog), takes the spare back, stops listening
 * for a back-off instead of spinning on a listener that stays readable, and accepts again once fds are free.
 * The process's fds are used up for a moment with raw sockets; loops are stepped by hand with a manual clock.
 */
@Timeout(60)
class AcceptBackoffTest {

    @ParameterizedTest
    @EnumSource(value = PollerKind.class, names = {"NIO", "EPOLL", "URING"})
    void shouldRejectWaitingClientOnEmfileThenBackOffAndAcceptOnceDescriptorsAreFree(PollerKind poller)
            throws Exception {
        PollerAssumptions.assumeAvailable(poller);
        ManualClock clock = new ManualClock();
        Engine engine = Engine.open(EngineConfig.defaults().withPoller(poller).withLoops(1).withClock(clock),
                new EchoHandler());
        EventLoop main = engine.mainLoop();
        EventLoop loop = engine.loop(0);
        int[] filler = new int[25_000];
        int filled = 0;
        SocketChannel rejected = SocketChannel.open();
        SocketChannel later = null;
        try {
            while (filled < filler.length) {
                int fd = LinuxSys.socket(SocketFlags.AF_INET, SocketFlags.SOCK_STREAM | SocketFlags.SOCK_CLOEXEC, 0);
                if (fd < 0) {
                    assertThat(fd).isEqualTo(-Errno.EMFILE);
                    break;
                }
                filler[filled++] = fd;
            }
            rejected.connect(engine.address()); // opened before the fds ran out; completes in the kernel's backlog
            main.runOnce(0);
            assertThat(main.acceptor().failedAccepts()).isEqualTo(1);
            assertThat(engine.rejectedOnFdLimit()).isEqualTo(1);
            assertThat(main.runOnce(0)).as("no busy loop on the listener").isZero();
            rejected.socket().setSoTimeout(5_000);
            assertThat(rejected.socket().getInputStream().read()).as("closed at once, not left hanging").isEqualTo(-1);

            for (int i = 0; i < 16; i++) {
                LinuxSys.close(filler[--filled]);
            }
            clock.advanceMs(Acceptor.ACCEPT_BACKOFF_NS / 1_000_000 + 1);
            main.runOnce(0); // back-off over: listening again
            later = SocketChannel.open(engine.address());
            main.runOnce(0); // accepts, hands over
            loop.runOnce(0); // adopts
            assertThat(loop.connectionCount()).isEqualTo(1);
            later.write(ByteBuffer.wrap(new byte[] {42}));
            loop.runOnce(0);
            ByteBuffer back = ByteBuffer.allocate(1);
            assertThat(later.read(back)).isEqualTo(1);
            assertThat(back.get(0)).isEqualTo((byte) 42);
            assertThat(engine.rejectedOnFdLimit()).as("only the connection that met the limit").isEqualTo(1);
        } finally {
            for (int fd : Arrays.copyOf(filler, filled)) {
                LinuxSys.close(fd);
            }
            rejected.close();
            if (later != null) {
                later.close();
            }
            engine.stop(Duration.ofSeconds(1));
        }
    }
}
