package io.reactorbench.report;

import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import io.reactorbench.results.AgentCoordination;
import io.reactorbench.results.LoadPlacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One sentence per scenario whose load was spread over several load processes or source addresses (issue 18): how
 * many, which addresses, and how far apart the agents began measuring, which bounds how well their histograms line
 * up; for a load coordinated over the network, each agent's clock offset, round trip and start skew, and the agents
 * missing from an incomplete result. Scenarios loaded by one process on the kernel's address say nothing.
 */
final class LoadPlacementNotes {

    private LoadPlacementNotes() {
    }

    static List<String> of(RunView run) {
        List<String> notes = new ArrayList<>();
        run.trialsByScenarioAndDesign().forEach((label, byDesign) -> {
            List<LoadPlacement> placements = byDesign.values().stream().flatMap(List::stream)
                    .map(TrialResult::loadPlacement).filter(Objects::nonNull).filter(p -> !p.single()).toList();
            if (!placements.isEmpty()) {
                notes.add(label + ": " + describe(placements));
            }
        });
        return notes;
    }

    /** The placements of a scenario's trials: the same agents and addresses in each, the skew the largest of any (over designs and trials). */
    static String describe(List<LoadPlacement> placements) {
        List<String> spreads = placements.stream().map(LoadPlacementNotes::spread).distinct().toList();
        Long skewMs = placements.stream().map(LoadPlacement::agentStartSkewMs).filter(Objects::nonNull)
                .max(Long::compare).orElse(null);
        return "load from " + String.join(" or ", spreads)
                + (skewMs == null ? "" : "; the agents began measuring within " + skewMs + " ms of each other"
                + (placements.size() > 1 ? " (the largest of its " + placements.size() + " cells)" : ""))
                + "." + placements.stream().map(LoadPlacement::coordination).filter(Objects::nonNull).distinct()
                .map(LoadPlacementNotes::coordination).collect(Collectors.joining());
    }

    /**
     * A coordinated load (issue 20): each agent's clock against the coordinator's (its intervals were moved by it
     * before the merge, to within half the round trip) and how late its window began; and which agents the result
     * lacks.
     */
    static String coordination(AgentCoordination c) {
        String clocks = c.agents().stream().map(a -> String.format(Locale.ROOT,
                "agent %d %+.3f ms (round trip %.3f ms%s)", a.index(), a.clockOffsetMs(), a.roundTripMs(),
                a.startSkewMs() == null ? "" : ", start skew " + a.startSkewMs() + " ms"))
                .collect(Collectors.joining(", "));
        return " Clock offsets against the coordinator: " + clocks + "."
                + (c.incomplete() ? " Incomplete: agent" + (c.missingAgents().size() == 1 ? " " : "s ")
                + c.missingAgents().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " missing from the result, whose figures are the other agents' only." : "");
    }

    private static String spread(LoadPlacement p) {
        String agents = p.agents() + (p.agents() == 1 ? " agent" : " agents");
        if (p.coordination() != null) {
            // where the agents ran the coordinator does not know (one machine or many); each says its sources
            return agents + " coordinated over the network"
                    + (p.sourceAddresses() == 0 ? "" : ", " + p.sourceAddresses()
                            + (p.sourceAddresses() == 1 ? " source address" : " source addresses in all"));
        }
        String addresses = p.sourceAddresses() == 0 ? "the kernel's source address"
                : p.sourceAddresses() + (p.sourceAddresses() == 1 ? " source address" : " source addresses")
                + (p.sourceRange() == null ? "" : " (" + p.sourceRange() + ")");
        return agents + " over " + addresses;
    }
}
