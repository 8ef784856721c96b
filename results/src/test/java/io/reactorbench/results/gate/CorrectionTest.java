package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionTest {

    private static final double ALPHA = 0.05;

    @Test
    void shouldTestTheSortedPValuesAtAlphaOverTheRemainingCountAndStopAtTheFirstThatFails() {
        // Sorted: 0.005 <= 0.05/4, 0.010 <= 0.05/3, then 0.030 > 0.05/2 stops the procedure, so 0.040 is not
        // significant although it is below its own level 0.05/1.
        List<CorrectedPValue> holm = Correction.HOLM.apply(new double[] {0.010, 0.040, 0.030, 0.005}, ALPHA);

        assertThat(holm).extracting(CorrectedPValue::rank).containsExactly(2, 4, 3, 1);
        assertThat(holm).extracting(CorrectedPValue::level).containsExactly(ALPHA / 3, ALPHA / 1, ALPHA / 2, ALPHA / 4);
        assertThat(holm).extracting(CorrectedPValue::significant).containsExactly(true, false, false, true);
        assertThat(holm.get(1).pValue()).isLessThanOrEqualTo(holm.get(1).level());
        assertThat(holm).allSatisfy(p -> assertThat(p.familySize()).isEqualTo(4));
        assertThat(holm).allSatisfy(p -> assertThat(p.strictestLevel()).isEqualTo(ALPHA / 4));
    }

    @Test
    void shouldAdjustPValuesSoThatTheyAreSignificantExactlyWhenTheStepDownRejects() {
        List<CorrectedPValue> holm = Correction.HOLM.apply(new double[] {0.010, 0.040, 0.030, 0.005}, ALPHA);
        // 4 x 0.005, 3 x 0.010, 2 x 0.030, then max(0.060, 1 x 0.040): never below an earlier rank's.
        assertThat(holm.get(3).adjustedPValue()).isCloseTo(0.020, within(1e-12));
        assertThat(holm.get(0).adjustedPValue()).isCloseTo(0.030, within(1e-12));
        assertThat(holm.get(2).adjustedPValue()).isCloseTo(0.060, within(1e-12));
        assertThat(holm.get(1).adjustedPValue()).isCloseTo(0.060, within(1e-12));
        assertThat(holm).allSatisfy(p -> assertThat(p.significant()).isEqualTo(p.adjustedPValue() <= ALPHA));
        assertThat(Correction.HOLM.apply(new double[] {0.5, 0.6}, ALPHA))
                .allSatisfy(p -> assertThat(p.adjustedPValue()).isEqualTo(1.0));
    }

    @Test
    void shouldLeaveEveryCheckAtAlphaWithoutACorrection() {
        List<CorrectedPValue> none = Correction.NONE.apply(new double[] {0.010, 0.040, 0.030, 0.060}, ALPHA);
        assertThat(none).extracting(CorrectedPValue::significant).containsExactly(true, true, true, false);
        assertThat(none).allSatisfy(p -> {
            assertThat(p.adjustedPValue()).isEqualTo(p.pValue());
            assertThat(p.level()).isEqualTo(ALPHA);
        });
    }

    @Test
    void shouldLeaveASingleCheckAsItIsUnderEitherCorrection() {
        for (Correction correction : Correction.values()) {
            CorrectedPValue only = correction.apply(new double[] {0.05}, ALPHA).getFirst();
            assertThat(only.significant()).isTrue();
            assertThat(only.adjustedPValue()).isEqualTo(0.05);
        }
        assertThat(Correction.HOLM.apply(new double[0], ALPHA)).isEmpty();
    }

    @Test
    void shouldNameTheCorrectionsThereAreForAnUnknownName() {
        assertThat(Correction.byPolicyName("holm")).isEqualTo(Correction.HOLM);
        assertThatThrownBy(() -> Correction.byPolicyName("bonferroni"))
                .hasMessage("unknown correction 'bonferroni': use 'none' or 'holm'");
    }
}
