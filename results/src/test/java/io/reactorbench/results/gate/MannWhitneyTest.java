package io.reactorbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void shouldReachOneTwentiethAtThreeTrialsEachAndNoLowerAtTwo() {
        assertThat(MannWhitney.minimumP(3, 3)).isCloseTo(1.0 / 20, within(1e-12));
        assertThat(MannWhitney.minimumP(2, 2)).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(MannWhitney.minimumP(5, 5)).isCloseTo(1.0 / 252, within(1e-12));
    }

    @Test
    void shouldGiveTheMinimumWhenEveryValueOfXBeatsEveryValueOfY() {
        double p = MannWhitney.pGreater(new double[] {10, 11, 12}, new double[] {1, 2, 3});
        assertThat(p).isCloseTo(1.0 / 20, within(1e-12));
    }

    @Test
    void shouldGiveOneWhenXNeverBeatsY() {
        assertThat(MannWhitney.pGreater(new double[] {1, 2, 3}, new double[] {10, 11, 12})).isEqualTo(1.0);
    }

    @Test
    void shouldMatchTheTabulatedTailForInterleavedSamples() {
        // x = {3, 5, 6}, y = {1, 2, 4}: U = 3 + 3 + 2 = 8; P(U >= 8) for n = m = 3 is 2/20.
        assertThat(MannWhitney.u(new double[] {3, 5, 6}, new double[] {1, 2, 4})).isEqualTo(8);
        assertThat(MannWhitney.pGreater(new double[] {3, 5, 6}, new double[] {1, 2, 4})).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void shouldCountATieAgainstDeclaringADifference() {
        // One tie turns U = 9 into 8.5, looked up as 8: p = 2/20, no longer significant at 5 %.
        double p = MannWhitney.pGreater(new double[] {4, 5, 6}, new double[] {1, 2, 4});
        assertThat(p).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void shouldSumToAllOrderings() {
        double[] counts = MannWhitney.distribution(4, 6);
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        assertThat(total).isEqualTo(210); // C(10, 4)
        assertThat(counts).hasSize(25);
    }
}
