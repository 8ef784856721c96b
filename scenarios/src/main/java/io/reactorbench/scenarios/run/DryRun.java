package io.reactorbench.scenarios.run;

import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Scenario;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.scenarios.suite.VariantNames;
import io.reactorbench.wire.spi.Transport;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code run --dry-run}: the suite checked exactly as a run checks it ({@link RunPlan}: designs known and
 * available, {@code connections: max} resolved against the fd limit), then the cells it would run and the least
 * time they take, printed instead of run. Nothing is started and nothing is written.
 */
public final class DryRun {

    private DryRun() {
    }

    /** Prints the plan; throws what a run would throw before its first cell for a suite that cannot run. */
    public static RunPlan print(Suite requested, FdLimits fds, PrintStream out) {
        RunPlan plan = RunPlan.of(requested, fds);
        Suite suite = plan.suite();
        plan.notes().forEach(note -> out.println("note: " + note));
        double measuredSeconds = 0;
        for (Scenario scenario : suite.scenarios()) {
            String app = scenario.app() + (scenario.transport() == Transport.TCP ? "" : " over "
                    + scenario.transport().id());
            if (scenario.ceilingRamp()) {
                var ramp = scenario.ceiling();
                out.printf(Locale.ROOT, "  %-40s %s ceiling, warm-up %.1fs, steps %s, each verified, settled %.1fs and"
                                + " held %.1fs at %s req/s%n", scenario.key(), app, scenario.warmupSeconds(),
                        String.join(", ", ramp.steps().stream().map(n -> VariantNames.value("connections", n)).toList()),
                        ramp.settleSeconds(), ramp.holdSeconds(), VariantNames.value("rate", scenario.rate()));
                measuredSeconds += scenario.warmupSeconds()
                        + ramp.steps().size() * (ramp.settleSeconds() + ramp.holdSeconds());
                continue;
            }
            out.printf(Locale.ROOT, "  %-40s %s %s, %d connections, warm-up %.1fs + %.1fs%n", scenario.key(), app,
                    scenario.model(), scenario.connections(), scenario.warmupSeconds(),
                    scenario.durationSeconds());
            measuredSeconds += scenario.warmupSeconds() + scenario.durationSeconds();
        }
        int cells = suite.scenarios().size() * suite.designs().size() * suite.trials();
        out.printf(Locale.ROOT, "suite %s is valid: %d scenarios x %d designs (%s) x %d trials = %d cells,"
                        + " at least %.0f s of load; not run (--dry-run)%n", suite.name(), suite.scenarios().size(),
                suite.designs().size(), String.join(", ", suite.designs().stream().map(DryRun::designText).toList()),
                suite.trials(), cells, measuredSeconds * suite.designs().size() * suite.trials());
        return plan;
    }

    /** {@code engine-epoll}, or {@code engine-epoll x 3 processes} / {@code ... x auto processes} when it shares a port. */
    private static String designText(DesignSpec design) {
        if (!design.sharesPort()) {
            return design.name();
        }
        return design.name() + " x " + (design.processes() == DesignSpec.AUTO_PROCESSES ? "auto"
                : Integer.toString(design.processes())) + " processes";
    }
}
