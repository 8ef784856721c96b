package io.reactorbench.scenarios.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.results.ProbeSample;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** The server's and the runner's ends of the probe's control channel agree on every field. */
class ProbeProtocolTest {

    private static final ProbeSample ANSWER = ProbeSample.inside(1_795_670_519_000L, 123_456_789L, 987_654_321L, 3L,
            1.2755, 1.25, List.of(List.of(1795670518922.906, 0.0255), List.of(1795670519000.0, 1.25)), 50_000_000L,
            -1L, 17, 1_000, 4242L, 2L, "notifications", "JFR unavailable: \"quoted\"\nsecond line");

    @Test
    void shouldReadBackEveryFieldTheServerWrote() {
        String line = ProbeProtocol.answer(ProbeProtocol.STATS, ANSWER);

        assertThat(line).startsWith("STATS {").doesNotContain("\n");
        assertThat(ProbeProtocol.isAnswer(line)).isTrue();
        assertThat(ProbeProtocol.parseAnswer(line)).isEqualTo(ANSWER);
    }

    @Test
    void shouldAnswerGcWithItsOwnName() {
        String line = ProbeProtocol.answer(ProbeProtocol.GC, ANSWER);

        assertThat(line).startsWith("GC {");
        assertThat(ProbeProtocol.parseAnswer(line)).isEqualTo(ANSWER);
    }

    @Test
    void shouldKeepNullsOfADesignThatDoesNotCountFdRejections() {
        ProbeSample uncounted = ProbeSample.inside(1L, 2L, 3L, 0L, 0.0, 0.0, List.of(), 4L, 5L, 6, 7, 8L, null, "jfr",
                null);

        ProbeSample read = ProbeProtocol.parseAnswer(ProbeProtocol.answer(ProbeProtocol.STATS, uncounted));

        assertThat(read.rejectedOnFdLimit()).isNull();
        assertThat(read.gcPauseSourceNote()).isNull();
        assertThat(read).isEqualTo(uncounted);
    }

    @Test
    void shouldTellAnswersFromTheServersOwnOutput() {
        assertThat(ProbeProtocol.isAnswer("READY 127.0.0.1:8080")).isFalse();
        assertThat(ProbeProtocol.isAnswer("STATSX {}")).isFalse();
        assertThat(ProbeProtocol.isAnswer("GC {}")).isTrue();
    }

    @Test
    void shouldRefuseAnAnswerThatHoldsNoSample() {
        assertThatThrownBy(() -> ProbeProtocol.parseAnswer("STATS not json")).isInstanceOf(JacksonException.class);
    }
}
