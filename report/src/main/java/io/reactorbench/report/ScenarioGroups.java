package io.reactorbench.report;

import io.reactorbench.report.model.RunView;
import io.reactorbench.report.model.TrialResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A run's scenario variants sorted into what the charts need: request/response variants (latency and
 * throughput charts), idle variants (memory), connection-ceiling ramps (their own charts: a ramp's window,
 * throughput and latency over time mean nothing next to a steady cell's), rate sweeps (their hockey-stick and
 * sustained-rate charts, for the same reason), and the scenarios that sweep connections
 * over two or more variants (the "against connections" charts).
 */
record ScenarioGroups(Map<String, Map<String, List<TrialResult>>> loaded, Map<String, Map<String, List<TrialResult>>> idle,
                      Map<String, Map<String, List<TrialResult>>> ceiling,
                      Map<String, Map<String, List<TrialResult>>> sweep,
                      Map<String, List<String>> loadedSweeps, Map<String, List<String>> idleSweeps) {

    static ScenarioGroups of(RunView run) {
        Map<String, Map<String, List<TrialResult>>> loaded = new TreeMap<>();
        Map<String, Map<String, List<TrialResult>>> idle = new TreeMap<>();
        Map<String, Map<String, List<TrialResult>>> ceiling = new TreeMap<>();
        Map<String, Map<String, List<TrialResult>>> sweep = new TreeMap<>();
        run.trialsByScenarioAndDesign().forEach((label, byDesign) -> {
            boolean isIdle = byDesign.values().stream().flatMap(List::stream).anyMatch(t -> t.params().isIdle());
            boolean isCeiling = byDesign.values().stream().flatMap(List::stream).anyMatch(TrialResult::isCeiling);
            boolean isSweep = byDesign.values().stream().flatMap(List::stream).anyMatch(TrialResult::isSweep);
            (isCeiling ? ceiling : isSweep ? sweep : isIdle ? idle : loaded).put(label, byDesign);
        });
        return new ScenarioGroups(loaded, idle, ceiling, sweep, sweeps(loaded), sweeps(idle));
    }

    List<String> loadedLabels() {
        return List.copyOf(loaded.keySet());
    }

    /** Scenario name → its variant labels, for scenarios whose variants differ in connection count. */
    private static Map<String, List<String>> sweeps(Map<String, Map<String, List<TrialResult>>> byLabel) {
        Map<String, List<String>> byScenario = byLabel.keySet().stream().collect(Collectors.groupingBy(
                label -> scenarioOf(byLabel.get(label)), TreeMap::new, Collectors.toList()));
        byScenario.values().removeIf(labels -> labels.stream().map(l -> connectionsOf(byLabel.get(l))).distinct().count() < 2);
        return byScenario;
    }

    static String scenarioOf(Map<String, List<TrialResult>> byDesign) {
        return byDesign.values().iterator().next().getFirst().cell().scenario();
    }

    static int connectionsOf(Map<String, List<TrialResult>> byDesign) {
        return byDesign.values().iterator().next().getFirst().params().connections();
    }
}
