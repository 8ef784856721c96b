package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What auto picks for a server, with io_uring's availability faked: this machine's does not decide the cases. */
class ServerPollerChoiceTest {

    private static final Supplier<String> URING_WORKS = () -> null;
    private static final String SECCOMP = "io_uring_setup: EPERM: a seccomp filter is active";
    private static final Supplier<String> URING_BLOCKED = () -> SECCOMP;
    private static final Supplier<String> NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("io_uring's availability was probed for a server that cannot use it");
    };

    @Test
    void shouldPickUringForStreamsWhereItWorks() {
        ServerPollerChoice choice = ServerPollerChoice.auto(false, false, URING_WORKS, PollerKind.EPOLL);
        assertThat(choice).isEqualTo(new ServerPollerChoice(PollerKind.URING, null));
        assertThat(choice.describe()).isEqualTo("uring");
    }

    @Test
    void shouldFallBackToTheReadinessPollerWithTheCauseWhereUringIsUnavailable() {
        ServerPollerChoice choice = ServerPollerChoice.auto(false, false, URING_BLOCKED, PollerKind.EPOLL);
        assertThat(choice.poller()).isEqualTo(PollerKind.EPOLL);
        assertThat(choice.fallback()).isEqualTo("io_uring unavailable: " + SECCOMP);
        assertThat(choice.describe()).isEqualTo("epoll (io_uring unavailable: " + SECCOMP + ")");
        assertThat(ServerPollerChoice.auto(false, false, URING_BLOCKED, PollerKind.NIO).poller())
                .isEqualTo(PollerKind.NIO);
    }

    @Test
    void shouldKeepAUdpServerOnEpollWithoutProbingUring() {
        ServerPollerChoice choice = ServerPollerChoice.auto(true, false, NOT_TO_BE_ASKED, PollerKind.EPOLL);
        assertThat(choice.poller()).isEqualTo(PollerKind.EPOLL);
        assertThat(choice.describe()).isEqualTo("epoll (UDP on the uring poller is not measured yet)");
    }

    @Test
    void shouldKeepAnEdgeTriggeredServerOnEpoll() {
        ServerPollerChoice choice = ServerPollerChoice.auto(false, true, NOT_TO_BE_ASKED, PollerKind.EPOLL);
        assertThat(choice.poller()).isEqualTo(PollerKind.EPOLL);
        assertThat(choice.fallback()).isEqualTo("edge-triggered is an epoll mode");
    }

    @Test
    void shouldRunANamedPollerAsItIsForAServer() {
        for (PollerKind named : new PollerKind[] {PollerKind.NIO, PollerKind.EPOLL, PollerKind.URING}) {
            assertThat(named.resolveForServer(false, false)).isEqualTo(new ServerPollerChoice(named, null));
            assertThat(named.resolveForServer(true, true).poller()).isEqualTo(named);
        }
    }

    @Test
    void shouldNeverGiveAClientUringFromAuto() {
        assertThat(PollerKind.AUTO.resolve()).isIn(PollerKind.EPOLL, PollerKind.NIO);
        assertThat(PollerKind.AUTO.resolve()).isEqualTo(LinuxSys.isAvailable() ? PollerKind.EPOLL : PollerKind.NIO);
    }

    @Test
    void shouldRefuseAutoAsTheChosenPoller() {
        assertThatThrownBy(() -> new ServerPollerChoice(PollerKind.AUTO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
