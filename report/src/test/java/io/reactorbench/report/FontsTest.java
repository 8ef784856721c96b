package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FontsTest {

    @Test
    void shouldSayWhetherThePreferredFontFamilyIsInstalled() {
        Fonts.Check check = Fonts.check();
        System.out.println("Fonts.check(): " + check.message());
        assertThat(check.usable()).isTrue();
        assertThat(check.message()).contains(Fonts.PREFERRED_FAMILY);
    }
}
