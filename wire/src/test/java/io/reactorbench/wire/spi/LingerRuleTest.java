package io.reactorbench.wire.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one linger rule: its time cap from the system property, and where its byte cap lies. */
class LingerRuleTest {

    @Test
    void shouldTakeTheDefaultTimeCapWhenThePropertyIsUnsetAndTheGivenOneOtherwise() {
        assertThat(LingerRule.timeoutMsFrom(null)).isEqualTo(LingerRule.DEFAULT_TIMEOUT_MS);
        assertThat(LingerRule.timeoutMsFrom(" ")).isEqualTo(LingerRule.DEFAULT_TIMEOUT_MS);
        assertThat(LingerRule.timeoutMsFrom("500")).isEqualTo(500);
    }

    @Test
    void shouldRejectATimeCapThatIsNotAPositiveNumberInOneLine() {
        assertThatThrownBy(() -> LingerRule.timeoutMsFrom("0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reactorbench.linger.timeoutMs needs a number of ms > 0, got '0'");
        assertThatThrownBy(() -> LingerRule.timeoutMsFrom("2s")).hasMessageContaining("got '2s'");
    }

    @Test
    void shouldStopDrainingOnceTheDroppedBytesReachTheByteCap() {
        LingerRule rule = new LingerRule(100, 1024);

        assertThat(rule.byteCapReached(1023)).isFalse();
        assertThat(rule.byteCapReached(1024)).isTrue();
        assertThat(rule.timeoutNs()).isEqualTo(100_000_000L);
    }
}
