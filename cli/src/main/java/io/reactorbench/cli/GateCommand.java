package io.reactorbench.cli;

import io.reactorbench.report.gate.GateReportRenderer;
import io.reactorbench.results.AtomicFiles;
import io.reactorbench.results.gate.DefaultPolicy;
import io.reactorbench.results.gate.Gate;
import io.reactorbench.results.gate.GateReport;
import io.reactorbench.results.gate.MeasurementSource;
import io.reactorbench.results.gate.Measurements;
import io.reactorbench.results.gate.Policy;
import io.reactorbench.results.gate.PolicyParser;
import io.reactorbench.results.gate.RegressionRule;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Fails (exit 1) when a candidate run regresses against a baseline under a policy.",
            "Exit 0: PASS, or INCONCLUSIVE (nothing failed, but some checks had too few trials to decide; a change",
            "  beyond a rule's gross limit fails whatever the trial count). 1: a regression or a broken budget (or,",
            "  with --strict, an inconclusive check). 2: the inputs cannot be judged, including a rule that names a",
            "  design or scenario the run lacks or checks nothing. See docs/ci.md."})
final class GateCommand implements Callable<Integer> {

    @Option(names = "--baseline", paramLabel = "DIR|FILE",
            description = {"Baseline: a results directory, a directory of runs (its newest), or a file written by",
                "'baseline save'. May be left out when the policy has budgets only."})
    Path baseline;

    @Option(names = "--candidate", required = true, paramLabel = "DIR",
            description = "The results directory to judge, or a directory of runs such as runs/ (its newest).")
    Path candidate;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML (default: the built-in policy, see docs/ci.md).")
    Path policy;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write the table as Markdown (appended when FILE is $GITHUB_STEP_SUMMARY, else replaced).")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the verdicts as JSON.")
    Path json;

    @Option(names = "--strict", description = "Inconclusive checks (too few trials) fail the gate (exit 1 instead of 0).")
    boolean strict;

    @Override
    public Integer call() {
        Policy rules = policy == null ? DefaultPolicy.policy() : PolicyParser.parse(policy);
        boolean needsBaseline = rules.rules().stream().anyMatch(rule -> rule instanceof RegressionRule);
        if (baseline == null && needsBaseline) {
            throw new UserError("policy " + rules.source() + " has regression rules: give --baseline (a run directory "
                    + "or a baseline file)");
        }
        Measurements before = baseline == null ? Measurements.none() : MeasurementSource.load(baseline);
        Measurements after = MeasurementSource.load(candidate);
        GateReport report = Gate.evaluate(rules, before, after, strict);
        System.out.print(GateReportRenderer.text(report));
        System.out.flush();
        if (markdown != null) {
            GateOutputFiles.writeMarkdown(markdown, GateReportRenderer.markdown(report), System.getenv("GITHUB_STEP_SUMMARY"));
        }
        if (json != null) {
            AtomicFiles.writeString(json, GateReportRenderer.json(report));
        }
        if (report.exitCode() != Main.EXIT_OK) {
            System.err.println(report.headline());
            if (report.failures().size() > 1) {
                report.failures().forEach(failure -> System.err.println("  " + failure));
            }
        }
        return report.exitCode();
    }
}
