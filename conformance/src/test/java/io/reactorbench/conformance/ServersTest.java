package io.reactorbench.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The suite's own plumbing: an unavailable design is skipped with its cause, never started nor passed. */
class ServersTest {

    private static final class UnavailableDesign implements ServerDesign {

        @Override
        public String id() {
            return "unavailable-here";
        }

        @Override
        public String description() {
            return "a design this machine cannot run";
        }

        @Override
        public Availability availability() {
            return Availability.unavailable("io_uring_setup refused");
        }

        @Override
        public RunningServer start(ServerConfig config) {
            throw new AssertionError("an unavailable design must not be started");
        }
    }

    @Test
    void shouldSkipAnUnavailableDesignWithItsCause() {
        Target target = new Target(Variant.of(new UnavailableDesign()), App.ECHO);

        assertThatThrownBy(() -> new Servers().addressOf(target))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("unavailable-here unavailable here: io_uring_setup refused");
    }
}
