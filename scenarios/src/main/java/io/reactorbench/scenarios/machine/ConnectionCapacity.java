package io.reactorbench.scenarios.machine;

import java.util.ArrayList;
import java.util.List;

/** {@code doctor --connections N}: the {@link CapacityPlan} for this machine, as lines to read and lines to paste. */
public final class ConnectionCapacity {

    /**
     * The advice as {@code doctor} prints it.
     *
     * @param lines    the lines to print, in order
     * @param possible false when this machine cannot hold N connections whatever the process and address counts
     */
    public record Advice(List<String> lines, boolean possible) {
    }

    private ConnectionCapacity() {
    }

    /** For this machine's limits and this process's privileges. */
    public static Advice advise(long n, MachineLimits limits) {
        return advise(n, limits, Privileges.current());
    }

    static Advice advise(long n, MachineLimits limits, Privileges privileges) {
        CapacityPlan plan = CapacityPlan.of(limits, n, ConnectionCost.DEFAULT);
        List<String> lines = new ArrayList<>();
        lines.add("to hold " + n + " connections (concurrent, over loopback):");
        for (CapacityPlan.Limit limit : plan.limits()) {
            lines.add(String.format("  %-22s %s", limit.name(), limit.finding()));
            limit.changes().forEach(change -> lines.add("      " + change));
        }
        long onePair = limits.maxConnectionsPerProcessPair();
        lines.add("this machine allows at most " + (onePair < 0 ? "an unknown number of" : Long.toString(onePair))
                + " connections per server and load process pair on one source address " + privileges.limitObstacle());
        lines.add("first binding limit: " + plan.firstBinding()
                .map(l -> l.name() + " (one process pair holds " + l.onePairAllows() + ")").orElse("none"));
        lines.add(plan.verdict());
        return new Advice(List.copyOf(lines), plan.feasible());
    }
}
