package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.results.AllocationCalibration;
import io.reactorbench.results.ProbeSample;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProbeCalibrationTest {

    /** Probe answers whose allocation counter steps by {@code differences}, one answer per call. */
    private static Supplier<ProbeSample> answers(Long... differences) {
        Iterator<Long> steps = List.of(differences).iterator();
        long[] allocated = {1_000_000};
        return () -> {
            ProbeSample sample = new ProbeSample("calibrate", 0, 0L, 0L, allocated[0], 0L, 0.0, 0.0, List.of(), 0L,
                    0L, 5, 0, 1L, 0L, 0L);
            allocated[0] += steps.hasNext() ? steps.next() : 0;
            return sample;
        };
    }

    @Test
    void shouldWaitUntilTwoConsecutiveAnswersAgreeBeforeTakingTheProbesCost() {
        // JFR still starting after READY: its allocation lands between the first answers
        AllocationCalibration calibration = ProbeCalibration.measure(answers(48_000L, 9_500L, 1_210L, 1_200L, 1_190L));

        assertThat(calibration.steady()).isTrue();
        assertThat(calibration.probeBytesPerAnswer()).isEqualTo(1_200);
        assertThat(calibration.probeAnswerBytes()).containsExactly(48_000L, 9_500L, 1_210L, 1_200L);
        assertThat(calibration.method()).contains("back to back");
    }

    @Test
    void shouldTakeTheSmallestDifferenceAndSayItWasNotSteadyWhenNoTwoAgreeWithinTheBound() {
        Long[] neverAgreeing = new Long[AllocationCalibration.MAX_ANSWERS];
        for (int i = 0; i < neverAgreeing.length; i++) {
            neverAgreeing[i] = i % 2 == 0 ? 5_000L : 1_500L;
        }

        AllocationCalibration calibration = ProbeCalibration.measure(answers(neverAgreeing));

        assertThat(calibration.steady()).isFalse();
        assertThat(calibration.probeBytesPerAnswer()).isEqualTo(1_500);
        assertThat(calibration.probeAnswerBytes()).hasSize(AllocationCalibration.MAX_ANSWERS - 1);
    }

    @Test
    void shouldCalibrateNothingForAServerWithoutAnInsideProbe() {
        Supplier<ProbeSample> external = () -> new ProbeSample("calibrate", 0, 0L, null, null, null, null, null,
                List.of(), null, null, null, null, 1L, 0L, 0L);

        assertThat(ProbeCalibration.measure(external)).isNull();
    }
}
