package io.reactorbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A server's answer becomes the stored sample: the runner adds its label, clock and /proc, and nothing else. */
class ProbeSampleTest {

    private static final ProbeSample ANSWER = ProbeSample.inside(2L, 3L, 4L, 1L, 0.5, 0.5, List.of(List.of(1.0, 0.5)),
            5L, 6L, 7, 8, 9L, null, "jfr", null);

    @Test
    void shouldKeepTheServersFieldsAndAddTheRunnersOwn() {
        ProbeSample stored = ANSWER.seenFromOutside("sample", 100, 42, 10L, 11L, 12L, 13L);

        assertThat(stored).isEqualTo(new ProbeSample("sample", 100, 2L, 3L, 4L, 1L, 0.5, 0.5,
                List.of(List.of(1.0, 0.5)), 5L, 6L, 7, 8, 9L, 10L, 11L, 12L, 13L, null, "jfr", null));
    }

    @Test
    void shouldTakeTheProcessPidWhenTheServerGaveNone() {
        ProbeSample stored = ProbeSample.unanswered().seenFromOutside("final", 100, 42, 10L, 11L, null, null);

        assertThat(stored.pid()).isEqualTo(42L);
        assertThat(stored.cpuNs()).isNull();
        assertThat(stored.pauses()).isEmpty();
    }

    @Test
    void shouldStoreASampleWithoutAnInsideProbeAsBeforeThePauseSourceWasStored() {
        ProbeSample outsideOnly = ProbeSample.unanswered().seenFromOutside("sample", 100, 42, 10L, 11L, 12L, 13L);

        assertThat(ResultsJson.compact().writeValueAsString(outsideOnly)).isEqualTo("{\"label\":\"sample\",\"atMs\":100,"
                + "\"timeMs\":null,\"cpuNs\":null,\"allocatedBytes\":null,\"gcCount\":null,\"gcPauseTotalMs\":null,"
                + "\"gcPauseMaxMs\":null,\"pauses\":[],\"heapUsedBytes\":null,\"heapAfterGcBytes\":null,"
                + "\"threads\":null,\"connections\":null,\"pid\":42,\"procCpuNs\":10,\"rssBytes\":11,\"anonBytes\":12,"
                + "\"privateDirtyBytes\":13,\"rejectedOnFdLimit\":null}");
    }

    @Test
    void shouldStoreThePauseSourceAfterTheFieldsBeforeIt() {
        String line = ResultsJson.compact().writeValueAsString(ANSWER.seenFromOutside("sample", 100, 42, null, null,
                null, null));

        assertThat(line).endsWith(",\"rejectedOnFdLimit\":null,\"gcPauseSource\":\"jfr\"}");
    }
}
