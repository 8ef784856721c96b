package io.reactorbench.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadArgsFileTest {

    @Test
    void shouldWriteOneOptionPerLineWithItsValue() {
        assertThat(LoadArgsFile.render(List.of("--target", "svc:80", "--batch", "--rate=10k", "--depth", "4")))
                .isEqualTo("--target svc:80\n--batch\n--rate=10k\n--depth 4\n");
    }

    @Test
    void shouldQuoteWhatTheTokenizerWouldSplitEndOrCutShort() {
        assertThat(LoadArgsFile.render(List.of("--header", "X-A: 1 #2", "--body", "say \"hi\"\\")))
                .isEqualTo("--header \"X-A: 1 #2\"\n--body \"say \\\"hi\\\"\\\\\"\n");
    }
}
