package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.LoadSpec;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** How {@code load}'s options become a {@link LoadSpec}, and the inputs refused before anything runs. */
class LoadOptionsTest {

    @RegisterExtension
    final LoadCliFixture fixture = new LoadCliFixture();

    /** The spec the options give, parsed by picocli as the command line would be, without running anything. */
    private static LoadSpec spec(String... args) {
        CommandLine cli = new CommandLine(new LoadCommand());
        cli.parseArgs(args);
        return ((LoadCommand) cli.getCommand()).buildSpec();
    }

    @Test
    void shouldAcceptTheUnitsThatSuitesAndPoliciesAccept() {
        LoadSpec spec = spec("--target", "127.0.0.1:9", "--duration", "1h2m", "--connections", "20k", "--size", "1KiB",
                "--rate", "50k", "--requests", "1M", "--threads", "1");
        assertThat(spec.durationNs()).isEqualTo(TimeUnit.MINUTES.toNanos(62));
        assertThat(spec.connections()).isEqualTo(20_000);
        assertThat(spec.sizeBytes()).isEqualTo(1024);
        assertThat(spec.ratePerSec()).isEqualTo(50_000);
        assertThat(spec.maxRequests()).isEqualTo(1_000_000);
    }

    @Test
    void shouldWarmUpByDefaultAsSuitesDo() {
        assertThat(spec("--target", "127.0.0.1:9").warmupNs()).isEqualTo(TimeUnit.SECONDS.toNanos(5));
        assertThat(spec("--target", "127.0.0.1:9", "--warmup", "0s").warmupNs()).isZero();
    }

    @Test
    void shouldCountRequestsFromTheFirstWhenARequestCountIsGivenWithoutAWarmup() {
        assertThat(spec("--target", "127.0.0.1:9", "--requests", "300").warmupNs()).isZero();
        assertThat(spec("--target", "127.0.0.1:9", "--requests", "300", "--warmup", "2s").warmupNs())
                .isEqualTo(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void shouldRefuseAZeroOrNegativeRateByNameWithExit2() {
        assertThat(fixture.run("load", "--target", fixture.target(), "--rate", "0", "--duration", "1s")).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--rate", "-5", "--duration", "1s")).isEqualTo(2);
        assertThat(fixture.err().lines().toList())
                .containsExactly("load: --rate must be > 0", "load: --rate must be > 0");
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldRefuseABadUnitWithOneLineAndExit2() {
        assertThat(fixture.run("load", "--target", fixture.target(), "--connections", "20 parsecs")).isEqualTo(2);
        assertThat(fixture.err()).contains("unknown suffix 'parsecs'").doesNotContain("Exception");
    }

    @Test
    void shouldRefuseStagesWithADurationOrShorterThanTheWarmup() {
        assertThat(fixture.run("load", "--target", fixture.target(), "--stages", "1s:100", "--duration", "5s"))
                .isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--stages", "1s:100,2s:200")).isEqualTo(2);
        assertThat(fixture.err()).contains("--stages sets the run's length; leave out --duration")
                .contains("--stages last 3.0 s, not longer than the 5.0 s warm-up");
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldRefuseABadThresholdBeforeRunning() {
        assertThat(fixture.run("load", "--target", fixture.target(), "--threshold", "p98<5ms")).isEqualTo(2);
        assertThat(fixture.err()).contains("unknown metric 'p98'");
        assertThat(fixture.accepted()).isZero();
    }

    @Test
    void shouldTurnASearchIntoASweepPlanWithItsObjectiveAndBounds() {
        LoadSpec spec = spec("--target", "127.0.0.1:9", "--find", "max-rate", "--slo", "p99=5ms,errors=0.1%",
                "--start-rate", "2k", "--resolution", "10%", "--max-steps", "6", "--warmup", "1s", "--duration", "2s");
        assertThat(spec.model()).isEqualTo(io.reactorbench.loadgen.LoadModel.SWEEP);
        assertThat(spec.sweep().findsMaxRate()).isTrue();
        assertThat(spec.sweep().objective().p99Ns()).isEqualTo(5_000_000L);
        assertThat(spec.sweep().startRatePerSec()).isEqualTo(2_000);
        assertThat(spec.sweep().resolution()).isEqualTo(0.1);
        assertThat(spec.sweep().stepBound()).isEqualTo(6);
        assertThat(spec.sweep().maxTimeNs()).isEqualTo(TimeUnit.SECONDS.toNanos(2 * 6 * 3)); // twice the steps
        assertThat(spec("--target", "127.0.0.1:9", "--rates", "1k,2k,4k").sweep().ratesPerSec())
                .containsExactly(1_000.0, 2_000.0, 4_000.0);
    }

    @Test
    void shouldRefuseABadSweepWithOneLineAndExit2() {
        assertThat(fixture.run("load", "--target", fixture.target(), "--find", "max-rate")).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--rates", "2k,1k")).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--rates", "1k", "--rate", "1k")).isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--find", "max-rate", "--slo", "p95=5ms"))
                .isEqualTo(2);
        assertThat(fixture.run("load", "--target", fixture.target(), "--slo", "p99=5ms")).isEqualTo(2);
        assertThat(fixture.err().lines().toList()).containsExactly(
                "load: --find max-rate needs --slo (e.g. p99=5ms,errors=0.1%)",
                "load: --rates must be positive and increasing, got [2000.0, 1000.0]",
                "load: --rate does not apply to the sweep model: its rates are --rates or --find's",
                "load: unknown objective 'p95' (expected one of p50, p90, p99, p99.9, errors)",
                "load: --slo applies to the sweep model only (give --rates or --find max-rate)");
        assertThat(fixture.accepted()).isZero();
    }
}
