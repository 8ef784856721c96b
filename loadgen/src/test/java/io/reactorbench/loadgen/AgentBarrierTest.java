package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents start together: each signals ready once connected, then all get one start instant (an injected clock). */
class AgentBarrierTest {

    private static final long NOW_MS = 1_733_000_000_000L;

    @TempDir
    Path dir;

    /** A child process as the barrier sees it: alive or exited, and what was written to its stdin. */
    private static final class FakeChild extends Process {
        final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        private final boolean alive;

        FakeChild(boolean alive) {
            this.alive = alive;
        }

        @Override
        public OutputStream getOutputStream() {
            return stdin;
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public int waitFor() {
            return exitValue();
        }

        @Override
        public int exitValue() {
            if (alive) {
                throw new IllegalThreadStateException("running");
            }
            return 2;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public void destroy() {
        }
    }

    @Test
    void shouldSendEveryReadyAgentTheSameInstantAheadOfTheClock() throws Exception {
        FakeChild one = new FakeChild(true);
        FakeChild two = new FakeChild(true);
        Path ready1 = Files.createFile(dir.resolve("1.ready"));
        Path ready2 = Files.createFile(dir.resolve("2.ready"));
        AgentBarrier barrier = new AgentBarrier(List.of(one, two), List.of(ready1, ready2), 10_000, () -> NOW_MS);

        long startMs = barrier.readyThenAwaitStartEpochMs();

        assertThat(startMs).isEqualTo(NOW_MS + AgentBarrier.LEAD_MS).isEqualTo(barrier.startEpochMs());
        String go = "go " + startMs + "\n";
        assertThat(one.stdin.toString(StandardCharsets.US_ASCII)).isEqualTo(go);
        assertThat(two.stdin.toString(StandardCharsets.US_ASCII)).isEqualTo(go);
    }

    @Test
    void shouldNotStartWhenAnAgentExitedBeforeItWasReady() {
        FakeChild dead = new FakeChild(false);
        AgentBarrier barrier = new AgentBarrier(List.of(dead), List.of(dir.resolve("never.ready")), 10_000,
                () -> NOW_MS);

        assertThatThrownBy(barrier::readyThenAwaitStartEpochMs).isInstanceOf(AgentBarrier.AgentNotReadyException.class)
                .hasMessage("agent 1 exited with 2 before it was connected");
        assertThat(dead.stdin.size()).isZero();
    }

    @Test
    void shouldSignalReadyThenStartAtTheInstantTheParentSent() throws Exception {
        Path ready = dir.resolve("agent.ready");
        StartGate agent = AgentBarrier.agentSide(ready,
                new ByteArrayInputStream(AgentBarrier.goLine(NOW_MS + 250)));

        assertThat(agent.readyThenAwaitStartEpochMs()).isEqualTo(NOW_MS + 250);
        assertThat(ready).exists();
    }

    @Test
    void shouldNotStartAnAgentWhoseParentClosedTheBarrier() {
        StartGate orphan = AgentBarrier.agentSide(dir.resolve("agent.ready"), InputStream.nullInputStream());

        assertThatThrownBy(orphan::readyThenAwaitStartEpochMs).isInstanceOf(IOException.class)
                .hasMessageContaining("closed the start barrier");
        assertThatThrownBy(() -> AgentBarrier.parseGo("start now")).isInstanceOf(IOException.class)
                .hasMessageContaining("expected 'go EPOCH_MS'");
    }
}
