package io.reactorbench.loadgen.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The framing: what goes out comes back, and every broken frame is a one-line {@link ProtocolException}. */
class AgentFramesTest {

    private static byte[] framed(AgentMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AgentFrames.write(bytes, message);
        return bytes.toByteArray();
    }

    @Test
    void shouldReadBackWhatWasWrittenAndNullAtACleanEnd() throws Exception {
        AgentMessage.Interval interval = new AgentMessage.Interval(3L, "uncorrected", 10L, 20L, "AAAA");
        ByteArrayInputStream in = new ByteArrayInputStream(framed(interval));

        assertThat(AgentFrames.read(in)).isEqualTo(interval);
        assertThat(AgentFrames.read(in)).isNull();
        assertThat(framed(new AgentMessage.Ready())).startsWith('R', 'B', 'A', 1);
    }

    @Test
    void shouldRefuseAnotherVersionAnUnknownTypeAndATagThatIsNotALoadTag() throws Exception {
        byte[] frame = framed(new AgentMessage.Ready());
        frame[3] = 2;
        assertThatThrownBy(() -> AgentFrames.read(new ByteArrayInputStream(frame)))
                .isInstanceOf(ProtocolException.class).hasMessage("protocol version 2, this coordinator speaks 1");
        assertThatThrownBy(() -> AgentFrames.read(new ByteArrayInputStream(body("{\"type\":\"shout\"}"))))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("malformed message: ");
        assertThatThrownBy(() -> AgentFrames.read(new ByteArrayInputStream(body("{\"type\":\"interval\",\"seq\":0,"
                + "\"tag\":\"x\\ny\",\"startMs\":1,\"endMs\":2,\"histogram\":\"A\"}"))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("interval tag is not a load tag")
                .message().doesNotContain("\n");
    }

    private static byte[] body(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + body.length).put(new byte[] {'R', 'B', 'A', 1}).putInt(body.length).put(body)
                .array();
    }
}
