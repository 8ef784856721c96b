package io.reactorbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/** The search alone, driven by made-up verdicts: a server that meets the objective below a known capacity. */
class RateSearchTest {

    /** Runs the search against {@code meets} and returns the rates it tried, in order. */
    private static List<Double> drive(RateSearch search, DoublePredicate meets) {
        List<Double> tried = new ArrayList<>();
        for (OptionalDouble next = search.next(); next.isPresent(); next = search.next()) {
            tried.add(next.getAsDouble());
            search.record(next.getAsDouble(), meets.test(next.getAsDouble()));
        }
        return tried;
    }

    @Test
    void shouldGrowGeometricallyThenBisectToTheResolution() {
        RateSearch search = RateSearch.maxRate(100, 2, 0.05, 20);
        List<Double> tried = drive(search, rate -> rate <= 480);

        // coarse: 800 is the first to break, and breaks again when run once more; then the middle of 400 .. 800
        assertThat(tried.subList(0, 6)).containsExactly(100.0, 200.0, 400.0, 800.0, 800.0, 600.0);
        assertThat(search.kneeFound()).isTrue();
        assertThat(search.highestMet()).isLessThanOrEqualTo(480).isGreaterThan(480 / 1.05);
        assertThat(search.lowestBroken()).isGreaterThan(480).isLessThanOrEqualTo(search.highestMet() * 1.05);
        assertThat(tried.get(search.brokenByStep())).isEqualTo(search.lowestBroken());
        assertThat(tried).hasSizeLessThanOrEqualTo(14);
        assertThat(search.outcome()).startsWith("sustained 4").contains("resolution");
    }

    @Test
    void shouldStepDownWhenTheStartRateAlreadyBreaks() {
        RateSearch search = RateSearch.maxRate(1000, 2, 0.05, 20);
        List<Double> tried = drive(search, rate -> rate <= 300);

        assertThat(tried.subList(0, 5)).containsExactly(1000.0, 1000.0, 500.0, 500.0, 250.0);
        assertThat(search.highestMet()).isLessThanOrEqualTo(300).isGreaterThan(300 / 1.05);
    }

    @Test
    void shouldClaimNoKneeWhenNoStepBrokeWithinTheStepBound() {
        RateSearch search = RateSearch.maxRate(100, 2, 0.05, 4);
        List<Double> tried = drive(search, rate -> true);

        assertThat(tried).containsExactly(100.0, 200.0, 400.0, 800.0);
        assertThat(search.kneeFound()).isFalse();
        assertThat(search.highestMet()).isEqualTo(800.0);
        assertThat(search.brokenByStep()).isNull();
        assertThat(search.outcome()).isEqualTo("no step broke the objective, up to 800/s: the knee lies above"
                + " (the step bound (4) was reached)");
    }

    @Test
    void shouldSayEveryStepBrokeWhenNoneMet() {
        RateSearch search = RateSearch.maxRate(8, 2, 0.05, 20);
        List<Double> tried = drive(search, rate -> false);

        // every break confirmed once; never below one request per second
        assertThat(tried).containsExactly(8.0, 8.0, 4.0, 4.0, 2.0, 2.0, 1.0, 1.0);
        assertThat(search.highestMet()).isNull();
        assertThat(search.kneeFound()).isFalse();
        assertThat(search.outcome()).startsWith("every step broke the objective, down to 1/s");
    }

    @Test
    void shouldNotLetOneStalledStepMoveTheKnee() {
        // The measured case: the first step, at 5,000/s, broke on a cold generator's stall; its repeat met the
        // objective, so the search went up, not down to 2,344/s.
        RateSearch search = RateSearch.maxRate(5000, 2, 0.10, 20);
        boolean[] firstStep = {true};
        List<Double> tried = drive(search, rate -> {
            boolean stalled = firstStep[0];
            firstStep[0] = false;
            return !stalled && rate <= 42_000;
        });

        assertThat(tried.subList(0, 3)).containsExactly(5000.0, 5000.0, 10_000.0);
        assertThat(search.kneeFound()).isTrue();
        assertThat(search.highestMet()).isLessThanOrEqualTo(42_000).isGreaterThan(42_000 / 1.10);
        assertThat(search.lowestBroken()).isGreaterThan(42_000);
    }

    @Test
    void shouldStopAtTheStepBoundWithTheBracketItHas() {
        RateSearch search = RateSearch.maxRate(100, 2, 0.01, 6);
        List<Double> tried = drive(search, rate -> rate <= 480);

        assertThat(tried).hasSize(6);
        assertThat(search.kneeFound()).isTrue();
        assertThat(search.outcome()).contains("the step bound (6) was reached");
    }

    @Test
    void shouldEndBeforeTheNextStepWhenTheTimeBoundIsReached() {
        RateSearch search = RateSearch.maxRate(100, 2, 0.05, 20);
        search.record(search.next().getAsDouble(), true);
        search.stopForTime();

        assertThat(search.next()).isEmpty();
        assertThat(search.outcome()).contains("the time bound was reached").contains("the knee lies above");
    }

    @Test
    void shouldJudgeTheKneeByTheLowestBrokenRateEvenWhenAHigherRateMet() {
        // a noisy step: 400 broke although 600 met; the sustained rate is the highest met below 400
        RateSearch search = RateSearch.fixed(List.of(200.0, 400.0, 600.0));
        assertThat(drive(search, rate -> rate != 400)).containsExactly(200.0, 400.0, 600.0);

        assertThat(search.highestMet()).isEqualTo(200.0);
        assertThat(search.lowestBroken()).isEqualTo(400.0);
        assertThat(search.brokenByStep()).isEqualTo(1);
        assertThat(search.outcome()).contains("every listed rate ran");
    }

    @Test
    void shouldReportAPlainSweepWithoutAnObjective() {
        RateSearch search = RateSearch.fixed(List.of(100.0, 200.0));
        search.record(search.next().getAsDouble(), null);
        search.record(search.next().getAsDouble(), null);

        assertThat(search.next()).isEmpty();
        assertThat(search.highestMet()).isNull();
        assertThat(search.outcome()).isEqualTo("2 rates swept, no objective to judge them by (every listed rate ran)");
    }

    @Test
    void shouldRefuseASearchWithoutGrowth() {
        assertThatThrownBy(() -> RateSearch.maxRate(100, 1, 0.05, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
