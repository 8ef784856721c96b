package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.coordinator.AgentFrames;
import io.reactorbench.loadgen.coordinator.AgentMessage;
import io.reactorbench.loadgen.coordinator.AgentToken;
import io.reactorbench.loadgen.coordinator.ClockSample;
import io.reactorbench.loadgen.coordinator.Coordinator;
import io.reactorbench.results.load.LoadResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the run's own agents get in (issue 20): an in-process coordinator of two agents, while its two real agents
 * register, run and finish, is sent a wrong token, a taken index, a third agent, garbage, a truncated and an oversized
 * frame, a message out of order and another load spec over raw sockets. Each is refused with a one-line reason
 * naming the connection or agent, and the merged result is exactly the two agents' (their counts add up, nothing of
 * the refused peers in it).
 */
@Timeout(60)
class CoordinatorRefusalTest {

    private static final String TOKEN = "s3cret-token";
    private static final LoadSpec WHOLE = CraftedAgent.spec(4);

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private Coordinator coordinator(int agents, long readyDeadlineMs) throws Exception {
        return new Coordinator(new Coordinator.Settings(WHOLE, agents, new AgentToken(TOKEN), readyDeadlineMs,
                dir.resolve("cell")), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), log::add,
                ClockSample::nowUs);
    }

    @Test
    void shouldRefuseEveryStrangerWithOneLineAndMergeOnlyItsOwnAgents() throws Exception {
        Coordinator coordinator = coordinator(2, 30_000);
        InetSocketAddress address = coordinator.address();
        Future<Coordinator.Outcome> run = threads.submit(coordinator::run);
        Histogram latency0 = CraftedAgent.latencies(300, 1_000_000, 0, 0);
        Histogram latency1 = CraftedAgent.latencies(500, 2_000_000, 0, 0);
        Future<LoadResult> agent0 = threads.submit(new CraftedAgent(address, TOKEN, WHOLE, 0, 2, latency0));
        awaitLog("agent 0 (");

        assertThat(refusal(address, hello("wrong-token", 1, 2, WHOLE.fingerprint()))).isEqualTo("wrong token");
        assertThat(refusal(address, hello(TOKEN, 0, 2, WHOLE.fingerprint()))).startsWith("index 0 is taken already");
        assertThat(refusal(address, hello(TOKEN, 7, 2, WHOLE.fingerprint()))).isEqualTo("index 7 is out of range 0..1");
        assertThat(refusal(address, hello(TOKEN, 1, 2, CraftedAgent.spec(8).fingerprint())))
                .startsWith("its load spec (fingerprint");
        assertThat(refusal(address, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .startsWith("malformed message: not the reactorbench agent protocol");
        assertThat(refusal(address, truncated(hello(TOKEN, 1, 2, WHOLE.fingerprint())))).startsWith("truncated message");
        assertThat(refusal(address, header(1 << 30))).startsWith("oversized message");
        assertThat(refusal(address, frame("{\"type\":\"hello\",\"token\":\"" + TOKEN + "\"}")))
                .startsWith("malformed message");
        assertThat(refusal(address, frame("{\"type\":\"ready\"}"))).isEqualTo("out-of-order message: ready before hello");

        CountDownLatch release = new CountDownLatch(1);
        Future<LoadResult> agent1 = threads.submit(new CraftedAgent(address, TOKEN, WHOLE, 1, 2, latency1, 0,
                release));
        awaitLog("started 2 agents");
        assertThat(refusal(address, hello(TOKEN, 1, 2, WHOLE.fingerprint())))
                .isEqualTo("all 2 agents are registered already");
        release.countDown();

        Coordinator.Outcome outcome = run.get(30, TimeUnit.SECONDS);
        LoadResult merged = outcome.merged();
        assertThat(agent0.get()).isNotNull();
        assertThat(agent1.get()).isNotNull();
        assertThat(outcome.incomplete()).isFalse();
        assertThat(merged.requests()).isEqualTo(300 + 500);
        assertThat(merged.latencyNs().corrected().count()).isEqualTo(800);
        assertThat(merged.latencyNs().corrected().max()).isLessThan(3_000_000);
        assertThat(outcome.agentResults()).hasSize(2);
        List<String> refusals = log.stream().filter(line -> line.contains(" refused: ")).toList();
        assertThat(refusals).hasSize(10).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        assertThat(refusals).anySatisfy(line -> assertThat(line).matches("agent 1 \\(127\\.0\\.0\\.1:\\d+\\) refused:"
                + " wrong token"));
        assertThat(refusals).anySatisfy(line -> assertThat(line).matches("connection from 127\\.0\\.0\\.1:\\d+"
                + " refused: malformed message: not the reactorbench agent protocol.*"));
        assertThat(String.join("\n", log)).doesNotContain(TOKEN);
    }

    @Test
    void shouldDropAnAgentThatSendsGarbageMidRunAndKeepTheOthersWhole() throws Exception {
        Coordinator coordinator = coordinator(2, 30_000);
        InetSocketAddress address = coordinator.address();
        Future<Coordinator.Outcome> run = threads.submit(coordinator::run);
        Future<LoadResult> agent0 = threads.submit(new CraftedAgent(address, TOKEN, WHOLE, 0, 2,
                CraftedAgent.latencies(300, 1_000_000, 0, 0)));
        try (Socket raw = new Socket(address.getAddress(), address.getPort())) {
            OutputStream out = raw.getOutputStream();
            InputStream in = raw.getInputStream();
            AgentFrames.write(out, new AgentMessage.Hello(TOKEN, 1, 2, WHOLE.fingerprint()));
            AgentMessage message;
            while ((message = AgentFrames.read(in)) instanceof AgentMessage.Ping ping) {
                long now = ClockSample.nowUs();
                AgentFrames.write(out, new AgentMessage.Pong(ping.t1Us(), now, now));
            }
            assertThat(message).isInstanceOf(AgentMessage.Welcome.class);
            AgentFrames.write(out, new AgentMessage.Ready());
            while ((message = AgentFrames.read(in)) instanceof AgentMessage.Ping ping) {
                long now = ClockSample.nowUs();
                AgentFrames.write(out, new AgentMessage.Pong(ping.t1Us(), now, now));
            }
            assertThat(message).isInstanceOf(AgentMessage.Start.class);
            AgentFrames.write(out, new AgentMessage.Interval(0L, null, 1L, 2L, "bm90IGEgaGlzdG9ncmFt"));
            assertThat(AgentFrames.read(in)).isInstanceOf(AgentMessage.Refuse.class);
        }

        Coordinator.Outcome outcome = run.get(30, TimeUnit.SECONDS);
        assertThat(agent0.get().requests()).isEqualTo(300);
        assertThat(outcome.incomplete()).isTrue();
        assertThat(outcome.merged().coordination().missingAgents()).containsExactly(1);
        assertThat(outcome.merged().requests()).isEqualTo(300);
        assertThat(log).anySatisfy(line -> assertThat(line).matches("agent 1 \\(.*\\) dropped: malformed message:"
                + " interval 0 holds no HdrHistogram compressed histogram"));
    }

    @Test
    void shouldFailWithoutStartingAnyAgentWhenOneNeverArrives() throws Exception {
        Coordinator coordinator = coordinator(3, 3_000);
        Future<LoadResult> agent0 = threads.submit(new CraftedAgent(coordinator.address(), TOKEN, CraftedAgent.spec(4),
                0, 3, CraftedAgent.latencies(10, 1_000_000, 0, 0)));

        org.assertj.core.api.Assertions.assertThatThrownBy(coordinator::run)
                .isInstanceOf(Coordinator.NotStartedException.class)
                .hasMessage("no agent started: agents 1, 2 did not register within 3 s (--ready-deadline)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> agent0.get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(io.reactorbench.loadgen.coordinator.CoordinatorLink.LostException.class)
                .rootCause().hasMessageContaining("gave the run up before the start");
    }

    /** Sends {@code bytes}, then reads the coordinator's answer: the reason of its refusal. */
    private static String refusal(InetSocketAddress address, byte[] bytes) throws Exception {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(bytes);
            socket.shutdownOutput();
            AgentMessage answer = AgentFrames.read(socket.getInputStream());
            assertThat(answer).isInstanceOf(AgentMessage.Refuse.class);
            return ((AgentMessage.Refuse) answer).reason();
        }
    }

    private static byte[] hello(String token, int index, int agents, String spec) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        AgentFrames.write(bytes, new AgentMessage.Hello(token, index, agents, spec));
        return bytes.toByteArray();
    }

    /** A frame cut short: its header promises more body than follows before the connection ends. */
    private static byte[] truncated(byte[] frame) {
        return java.util.Arrays.copyOf(frame, frame.length - 5);
    }

    private static byte[] header(int length) {
        return ByteBuffer.allocate(8).put(new byte[] {'R', 'B', 'A', 1}).putInt(length).array();
    }

    private static byte[] frame(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + body.length).put(header(body.length)).put(body).array();
    }

    private void awaitLog(String fragment) throws InterruptedException {
        for (int i = 0; i < 2_000 && log.stream().noneMatch(line -> line.contains(fragment)); i++) {
            Thread.sleep(10);
        }
        assertThat(log).as("log line with '" + fragment + "'").anySatisfy(line -> assertThat(line).contains(fragment));
    }
}
