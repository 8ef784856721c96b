package io.reactorbench.report;

import io.reactorbench.report.model.RunView;
import io.reactorbench.results.Environment;
import io.reactorbench.results.Pinning;
import java.util.LinkedHashMap;
import java.util.Map;

/** The header of a report: which run, where it ran (machine, JDK, pinning), and whether it finished. */
final class EnvironmentFacts {

    private EnvironmentFacts() {
    }

    static Map<String, String> of(RunView run) {
        Environment e = run.environment();
        Pinning pinning = e.pinning();
        String jvmOptions = String.join(" ", e.jvmOptions());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("run", run.id() + " (suite " + run.suite() + ")");
        facts.put("status", run.status());
        facts.put("started / finished", run.startedAt() + " / " + (run.finishedAt().isEmpty() ? "—" : run.finishedAt()));
        facts.put("machine", e.cpuModel() + ", " + e.cores() + " cores, host " + e.hostname());
        facts.put("OS", e.os() + ", kernel " + e.kernel() + ", fd limit " + e.fdLimit());
        facts.put("JDK", e.jdk());
        facts.put("server JVM options", jvmOptions.isEmpty() ? "—" : jvmOptions);
        facts.put("pinning", "server CPUs " + orDash(pinning.server()) + ", load CPUs " + orDash(pinning.load())
                + (pinning.applied() ? " (applied)" : " (not applied)")
                + (pinning.note().isEmpty() ? "" : ": " + pinning.note()));
        facts.put("git commit", orDash(e.gitCommit()));
        return facts;
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "—" : text;
    }
}
