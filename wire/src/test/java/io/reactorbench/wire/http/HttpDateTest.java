package io.reactorbench.wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpDateTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void shouldFormatAnImfFixdateWithATwoDigitDay() {
        HttpDate date = new HttpDate(() -> 784_111_777_000L); // 1994-11-06T08:49:37Z, RFC 9110's example

        assertThat(text(date.bytes())).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT").hasSize(HttpDate.LENGTH);
    }

    @Test
    void shouldShareOneValueWithinASecondAndRefreshWhenTheSecondTurns() {
        long[] nowMs = {784_111_777_000L};
        HttpDate date = new HttpDate(() -> nowMs[0]);

        byte[] first = date.bytes();
        nowMs[0] += 999;
        assertThat(date.bytes()).isSameAs(first);
        nowMs[0] += 1;
        assertThat(text(date.bytes())).isEqualTo("Sun, 06 Nov 1994 08:49:38 GMT");
        nowMs[0] += 86_400_000L * 30;
        assertThat(text(date.bytes())).isEqualTo("Tue, 06 Dec 1994 08:49:38 GMT");
    }

    @Test
    void shouldFollowTheSystemClockByDefault() {
        assertThat(text(HttpDate.system().bytes())).hasSize(HttpDate.LENGTH).endsWith(" GMT");
    }
}
