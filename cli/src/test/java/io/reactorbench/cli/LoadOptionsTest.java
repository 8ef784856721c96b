package io.reactorbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactorbench.loadgen.LoadSpec;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code load}'s options become a {@link LoadSpec}. */
class LoadOptionsTest {

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
}
