package io.reactorbench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactorbench.scenarios.machine.MachineLimits;
import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.scenarios.suite.SuiteError;
import io.reactorbench.scenarios.suite.SuiteParser;
import io.reactorbench.sys.MemInfo;
import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.RunningServer;
import io.reactorbench.wire.spi.ServerConfig;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.Transport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunPlanTest {

    /** This machine class's ports (32768-60999) and memory, with the open-files limit under test. */
    private static MachineLimits limits(long fdSoft, long fdHard) {
        return limits(fdSoft, fdHard, 28_232);
    }

    private static MachineLimits limits(long fdSoft, long fdHard, long ephemeralPorts) {
        return new MachineLimits(new FdLimits(fdSoft, fdHard), ephemeralPorts, 32_768, 192_735, 4_096, 2_048,
                new MemInfo(24L << 30, 22L << 30));
    }

    private static Suite suite(String connections) {
        return SuiteParser.parse("idle.yaml", """
                name: idle
                designs: [a]
                scenarios:
                  - name: idle
                    app: echo
                    model: idle
                    connections: %s
                """.formatted(connections));
    }

    @Test
    void designsSpreadOverProcessesHoldMoreThanOnePairAndAutoWhatTheMemoryAllows() {
        Suite fixed = SuiteParser.parse("idle.yaml", """
                name: idle
                designs: [{id: a, processes: 3}]
                scenarios:
                  - name: idle
                    app: echo
                    model: idle
                    connections: [40000, 60000]
                """);
        assertThatThrownBy(() -> RunPlan.of(fixed, limits(20_000, 20_000), List.of()))
                .hasMessageContaining("asks for 60000 connections but this machine allows at most 59400 over design a's"
                        + " 3 processes").hasMessageContaining("'processes: auto'");

        RunPlan auto = RunPlan.of(suite("max").withDesigns(List.of(new DesignSpec("a", "a", null, java.util.Map.of(),
                List.of(), 2, DesignSpec.AUTO_PROCESSES))), limits(20_000, 20_000), List.of());
        // 22 GiB available minus the 2.4 GiB floor, at 11,664 B per connection and 2 JVMs per 19,800
        long held = auto.suite().scenarios().getFirst().connections();
        assertThat(held).isBetween(1_000_000L - 1, 1_000_000L);
        assertThat(auto.notes()).anyMatch(n -> n.contains("memory holds above the memory guard's floor"));
    }

    @Test
    void shouldReplaceMaxByWhatTheFdLimitAllowsAndSaySo() {
        RunPlan plan = RunPlan.of(suite("[1000, max]"), limits(20_000, 20_000), List.of());

        assertThat(plan.suite().scenarios()).extracting(Scenario::key)
                .containsExactly("idle@connections=1000", "idle@connections=19800");
        assertThat(plan.suite().scenarios().get(1).connections()).isEqualTo(19_800);
        assertThat(plan.notes()).anyMatch(n -> n.contains("max = 19800") && n.contains("soft limit 20000"));
    }

    @Test
    void shouldResolveMaxToTheEphemeralPortsOfOneAddressWhenTheyAreFewerThanTheFds() {
        RunPlan plan = RunPlan.of(suite("max"), limits(65_536, 65_536, 28_232), List.of());

        assertThat(plan.suite().scenarios()).extracting(Scenario::connections).containsExactly(28_232);
        assertThat(plan.notes()).anyMatch(n -> n.contains("max = 28232") && n.contains("28232 ephemeral ports"));
    }

    @Test
    void shouldRefuseMoreConnectionsThanThePortsOfOneAddressAllow() {
        assertThatThrownBy(() -> RunPlan.of(suite("30000"), limits(65_536, 65_536, 28_232), List.of()))
                .isInstanceOf(SuiteError.class)
                .hasMessageContaining("asks for 30000 connections but this machine allows at most 28232");
    }

    @Test
    void shouldDropMaxWhenItEqualsAListedCount() {
        RunPlan plan = RunPlan.of(suite("[800, max]"), limits(1_000, 1_000), List.of());

        assertThat(plan.suite().scenarios()).extracting(Scenario::connections).containsExactly(800);
    }

    @Test
    void shouldRefuseMoreConnectionsThanTheFdLimitAllowsWithFileAndLine() {
        assertThatThrownBy(() -> RunPlan.of(suite("30000"), limits(20_000, 20_000), List.of()))
                .isInstanceOf(SuiteError.class)
                .hasMessageStartingWith("idle.yaml:4: ")
                .hasMessageContaining("asks for 30000 connections but this machine allows at most 19800");
    }

    /** A design in the registry that listens on {@code transports}; never started here. */
    private record Listening(String id, Set<Transport> transports, Availability availability,
                             Set<String> supportedOptions) implements ServerDesign {
        Listening(String id, Transport... transports) {
            this(id, Set.of(transports), Availability.ok(), Set.of(ServerConfig.REUSE_PORT));
        }

        Listening(String id, Set<Transport> transports, Availability availability) {
            this(id, transports, availability, Set.of(ServerConfig.REUSE_PORT));
        }

        @Override
        public String description() {
            return id + " (test double)";
        }

        @Override
        public RunningServer start(ServerConfig config) {
            throw new UnsupportedOperationException("a plan starts nothing");
        }
    }

    private static Suite overTransports(String designs) {
        return SuiteParser.parse("transports.yaml", """
                name: transports
                designs: %s
                scenarios:
                  - {name: echo, app: echo, connections: 2}
                  - {name: echo-unix, app: echo, connections: 2, transport: unix}
                  - {name: idle-udp, app: echo, model: idle, heartbeat: 1s, connections: 2, transport: udp}
                """.formatted(designs));
    }

    private static final List<ServerDesign> REGISTRY = List.of(
            new Listening("reactor", Transport.TCP, Transport.UDP, Transport.UNIX),
            new Listening("blocking", Transport.TCP),
            new Listening("absent", Set.of(Transport.TCP), Availability.unavailable("not on this machine")));

    @Test
    void shouldRefuseADesignThatCannotListenOnAScenariosTransportNamingBoth() {
        assertThatThrownBy(() -> RunPlan.of(overTransports("[reactor, blocking]"), limits(20_000, 20_000), REGISTRY))
                .isInstanceOf(SuiteError.class)
                .hasMessageStartingWith("transports.yaml:5: ")
                .hasMessageContaining("scenario 'echo-unix' runs over unix, which design blocking cannot listen on"
                        + " (it serves: tcp)");
    }

    @Test
    void shouldRefuseAnExternalDesignOverAnythingButTcp() {
        assertThatThrownBy(() -> RunPlan.of(overTransports("[\"external:./srv --port {port}\"]"),
                limits(20_000, 20_000), REGISTRY))
                .isInstanceOf(SuiteError.class)
                .hasMessageContaining("scenario 'echo-unix' runs over unix, which design external:./srv --port {port}"
                        + " cannot listen on (it serves: tcp only, as its command takes a {port})");
    }

    @Test
    void shouldLeaveAnUnavailableDesignOutBeforeJudgingItsTransports() {
        RunPlan plan = RunPlan.of(overTransports("[reactor, absent]"), limits(20_000, 20_000), REGISTRY);

        assertThat(plan.suite().designs()).extracting(DesignSpec::id).containsExactly("reactor");
    }

    private static Suite prefork(String designs) {
        return SuiteParser.parse("prefork.yaml", """
                name: prefork
                designs:
                %s
                scenarios:
                  - {name: echo, app: echo, connections: [600, 19800]}
                  - {name: idle, app: echo, model: idle, connections: 40000}
                """.formatted(designs));
    }

    @Test
    void shouldRefuseProcessesForADesignThatCannotShareItsPortWithFileAndLine() {
        List<ServerDesign> registry = List.of(new Listening("single", Set.of(Transport.TCP), Availability.ok(),
                Set.of()));

        assertThatThrownBy(() -> RunPlan.of(prefork("  - {id: single, processes: 3}"), limits(65_536, 65_536, 65_536),
                registry))
                .isInstanceOf(SuiteError.class)
                .hasMessage("prefork.yaml:3: design single cannot share its port with other processes (no SO_REUSEPORT"
                        + " listener), so it cannot run as 'processes: 3'; drop 'processes'");
    }

    @Test
    void shouldRefuseProcessesOverATransportOtherThanTcpWithTheScenariosLine() {
        assertThatThrownBy(() -> RunPlan.of(overTransports("[{id: reactor, processes: auto}]"), limits(20_000, 20_000),
                REGISTRY))
                .isInstanceOf(SuiteError.class)
                .hasMessageStartingWith("transports.yaml:5: ")
                .hasMessageContaining("scenario 'echo-unix' runs over unix, but design reactor runs as 'processes: auto',"
                        + " which share one tcp port");
    }

    @Test
    void shouldNoteWhatProcessesAutoComesToForEachScenario() {
        RunPlan plan = RunPlan.of(prefork("  - {id: reactor, name: reactor-prefork, processes: auto}\n  - reactor"),
                limits(65_536, 20_000, 65_536), REGISTRY);

        assertThat(plan.notes()).containsExactly("processes: auto for reactor-prefork = 1 for echo@connections=600,"
                + " 1 for echo@connections=19800, 3 for idle (at most 19800 connections per process under the open-files"
                + " hard limit 20000)");
        DesignSpec prefork = plan.suite().designs().getFirst();
        assertThat(ServerProcesses.forCell(prefork, plan.suite().scenarios().getLast(), plan.limits())).isEqualTo(3);
        assertThat(ServerProcesses.forCell(plan.suite().designs().getLast(), plan.suite().scenarios().getLast(),
                plan.limits())).isEqualTo(1);
    }

    @Test
    void shouldNoteThatAnIdleScenarioOverUdpHasNoMemoryPerConnection() {
        RunPlan plan = RunPlan.of(overTransports("[reactor]"), limits(20_000, 20_000), REGISTRY);

        assertThat(plan.suite().scenarios()).extracting(Scenario::transport)
                .containsExactly(Transport.TCP, Transport.UNIX, Transport.UDP);
        assertThat(plan.notes()).containsExactly("no memory per connection for idle-udp: it runs over udp, whose server"
                + " holds no connections (one socket answers every client)");
    }
}
