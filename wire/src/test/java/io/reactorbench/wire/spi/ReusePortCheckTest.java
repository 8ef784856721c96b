package io.reactorbench.wire.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A design shares its port by accepting {@code reuse-port}; one that does not, and a unix socket, are refused in one line. */
class ReusePortCheckTest {

    /** Accepts {@code options}; never started. */
    private record Design(Set<String> supportedOptions) implements ServerDesign {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public String description() {
            return "test double";
        }

        @Override
        public Availability availability() {
            return Availability.ok();
        }

        @Override
        public Set<Transport> transports() {
            return Set.of(Transport.TCP, Transport.UNIX);
        }

        @Override
        public RunningServer start(ServerConfig config) {
            throw new UnsupportedOperationException();
        }
    }

    private static final ServerConfig REUSE_PORT =
            ServerConfig.of(App.ECHO).withOptions(Map.of(ServerConfig.REUSE_PORT, "true"));

    @Test
    void shouldShareThePortWhenTheDesignAcceptsReusePort() {
        Design sharing = new Design(Set.of(ServerConfig.REUSE_PORT));

        assertThat(sharing.sharesPort()).isTrue();
        ServerDesigns.checkOptions(sharing, REUSE_PORT);
        ServerDesigns.checkTransport(sharing, REUSE_PORT);
    }

    @Test
    void shouldRefuseReusePortForADesignThatCannotShareItsPort() {
        Design single = new Design(Set.of("lb"));

        assertThat(single.sharesPort()).isFalse();
        assertThatThrownBy(() -> ServerDesigns.checkOptions(single, REUSE_PORT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("design test cannot share its port with other processes (no SO_REUSEPORT listener):"
                        + " drop reuse-port");
    }

    @Test
    void shouldRefuseReusePortOnAUnixSocket() {
        Design sharing = new Design(Set.of(ServerConfig.REUSE_PORT));

        assertThatThrownBy(() -> ServerDesigns.checkTransport(sharing, REUSE_PORT.withUnixPath(Path.of("rb.sock"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("drop reuse-port");
    }
}
