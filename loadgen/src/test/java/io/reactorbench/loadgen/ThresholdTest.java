package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.results.load.LoadResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    /** 10,000 requests, 5 timeouts (0.05 %), corrected p99 3 ms. */
    private static final LoadResult RESULT = SyntheticResults.open(1000, 10_000, 5, 3_000_000, 0, 0);

    @Test
    void shouldJudgeLatencyInTheGivenUnitAndABareNumberAsMilliseconds() {
        assertThat(Threshold.parse("p99<5ms").heldBy(RESULT)).isTrue();
        assertThat(Threshold.parse("p99<2ms").heldBy(RESULT)).isFalse();
        assertThat(Threshold.parse("p99 <= 3").heldBy(RESULT)).isTrue();
        assertThat(Threshold.parse("max<0.002s").heldBy(RESULT)).isFalse();
    }

    @Test
    void shouldJudgeErrorsAsAShareOfAllRequestsAndRpsAsThroughput() {
        assertThat(Threshold.parse("errors<0.1%").heldBy(RESULT)).isTrue();
        assertThat(Threshold.parse("errors<0.01%").heldBy(RESULT)).isFalse();
        assertThat(Threshold.parse("errors<0.001").heldBy(RESULT)).isTrue();
        assertThat(Threshold.parse("rps>=1k").heldBy(RESULT)).isTrue();
        assertThat(Threshold.parse("rps>1k").heldBy(RESULT)).isFalse();
    }

    @Test
    void shouldFailALatencyThresholdWhenNothingWasMeasured() {
        LoadResult none = SyntheticResults.open(1000, 0, 5, 0, 0, 0);
        assertThat(Threshold.parse("p99<1h").heldBy(none)).isFalse();
        assertThat(Threshold.parse("p99<1h").observed(none)).isEqualTo("not measured");
    }

    @Test
    void shouldHoldNoThresholdForARunThatAnsweredNothing() {
        LoadResult silent = SyntheticResults.open(1000, 0, 0, 0, 0, 0); // no answer, no error: a server that hung
        assertThat(Threshold.parse("errors<0.1%").heldBy(silent)).isFalse();
        assertThat(Threshold.parse("rps<1000").heldBy(silent)).isFalse();
    }

    @Test
    void shouldReportEachThresholdOnALineAndWhetherAllHeld() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        boolean all = Threshold.report(List.of(Threshold.parse("p99<5ms"), Threshold.parse("errors<0.01%")), RESULT,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(all).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "Threshold p99<5ms          ok (p99 3.000 ms)",
                "Threshold errors<0.01%     FAILED (errors 0.050%)");
    }

    @Test
    void shouldJudgeTheErrorRateAsTheShareOfIssuedRequestsThatFailed() {
        LoadResult lossy = SyntheticResults.withFailedRequests(RESULT, 30); // 30 of 10,030 issued: 0.299 %
        assertThat(Threshold.parse("errorRate<0.5%").heldBy(lossy)).isTrue();
        assertThat(Threshold.parse("errorRate<0.1%").heldBy(lossy)).isFalse();
        assertThat(Threshold.parse("errorRate<=0.003").heldBy(lossy)).isTrue();
        assertThat(Threshold.parse("errorRate<0.1%").observed(lossy)).isEqualTo("0.299%");
        // A result that did not record failed requests (an older load.json) holds no error-rate threshold.
        assertThat(Threshold.parse("errorRate<100%").heldBy(RESULT)).isFalse();
        assertThat(Threshold.parse("errorRate<100%").observed(RESULT)).isEqualTo("not measured");
    }

    @Test
    void shouldRefuseUnknownMetricsAndMalformedValues() {
        assertThatThrownBy(() -> Threshold.parse("p98<5ms")).hasMessageContaining("unknown metric 'p98'");
        assertThatThrownBy(() -> Threshold.parse("p99=5ms")).hasMessageContaining("expected METRIC<VALUE");
        assertThatThrownBy(() -> Threshold.parse("p99<5 parsecs")).hasMessageContaining("unknown time unit");
    }
}
