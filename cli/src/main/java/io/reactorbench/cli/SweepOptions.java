package io.reactorbench.cli;

import io.reactorbench.loadgen.LoadModel;
import io.reactorbench.loadgen.SweepPlan;
import io.reactorbench.results.metric.QuantityUnit;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.wire.units.Durations;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code load}'s options of the sweep model (issue 19 B): a fixed list of rates, or a search of the highest rate that
 * meets an objective. Mixed into {@link LoadCommand}; turned into one {@link SweepPlan}.
 */
final class SweepOptions {

    /** The one thing {@code --find} searches. */
    static final String MAX_RATE = "max-rate";

    @Option(names = "--rates", split = ",", paramLabel = "PER_SEC[,…]", converter = UnitConverters.Rate.class,
            description = "Sweep model: open-loop rates run in turn, increasing, each with its own --warmup and"
                    + " --duration window, e.g. 1k,2k,4k.")
    List<Double> rates;

    @Option(names = "--find", paramLabel = "max-rate",
            description = "Sweep model: search the highest rate that meets --slo (geometric steps from --start-rate"
                    + " until a step breaks it, then bisection), each step a full --warmup and --duration window.")
    String find;

    @Option(names = "--slo", paramLabel = "KEY=VALUE[,…]",
            description = "Sweep model: the objective a step must meet, keys p50, p90, p99, p99.9 (corrected latency)"
                    + " and errors (a percent), e.g. p99=5ms,errors=0.1%%; a step must also answer 95%% of its rate.")
    String slo;

    @Option(names = "--start-rate", paramLabel = "PER_SEC", converter = UnitConverters.Rate.class,
            description = "--find: the first step's rate (default 1000).")
    Double startRate;

    @Option(names = "--growth", description = "--find: factor between coarse steps (default 2).")
    Double growth;

    @Option(names = "--resolution", paramLabel = "PERCENT",
            description = "--find: bisection stops when the broken rate is within this of the met one (default 5%%).")
    String resolution;

    @Option(names = "--max-steps", description = "--find: the most steps the search runs (default 12).")
    Integer maxSteps;

    @Option(names = "--max-time", paramLabel = "DURATION",
            description = "Sweep model: no step starts that could not end within this from the first step's start"
                    + " (default: twice the steps' warm-ups and windows).")
    String maxTime;

    private static final double DEFAULT_START_RATE = 1_000;
    private static final List<String> SWEEP_ONLY = List.of("--rates", "--find", "--slo", "--start-rate", "--growth",
            "--resolution", "--max-steps", "--max-time");
    private static final List<String> FIND_ONLY = List.of("--start-rate", "--growth", "--resolution", "--max-steps");

    /** The plan when --rates or --find is given; null otherwise, when the sweep-only options must be absent. */
    SweepPlan plan(LoadModel model, long warmupNs, long durationNs, ParseResult parsed) {
        if (rates == null && find == null) {
            for (String option : SWEEP_ONLY) {
                if (parsed.hasMatchedOption(option)) {
                    throw new UserError(option + " applies to the sweep model only (give --rates or --find max-rate)");
                }
            }
            if (model == LoadModel.SWEEP) {
                throw new UserError("the sweep model needs --rates (e.g. 1k,2k,4k) or --find max-rate with --slo");
            }
            return null;
        }
        if (model != null && model != LoadModel.SWEEP) {
            throw new UserError((rates != null ? "--rates" : "--find") + " applies to the sweep model only, not "
                    + model.id());
        }
        if (rates != null && find != null) {
            throw new UserError("give --rates or --find, not both");
        }
        if (find != null && !find.equals(MAX_RATE)) {
            throw new UserError("bad --find '" + find + "' (expected " + MAX_RATE + ")");
        }
        for (String option : List.of("--rate", "--stages", "--requests")) {
            if (parsed.hasMatchedOption(option)) {
                throw new UserError(option + " does not apply to the sweep model: its rates are --rates or --find's");
            }
        }
        if (rates != null) {
            for (String option : FIND_ONLY) {
                if (parsed.hasMatchedOption(option)) {
                    throw new UserError(option + " applies to --find only");
                }
            }
        }
        SweepObjective objective = slo == null ? null : SweepObjective.parse(slo);
        int stepBound = rates != null ? rates.size() : maxSteps == null ? SweepPlan.DEFAULT_MAX_STEPS : maxSteps;
        long maxTimeNs = maxTime != null ? Durations.parseNs(maxTime) : 2 * stepBound * (warmupNs + durationNs);
        return new SweepPlan(rates == null ? List.of() : rates, objective,
                startRate == null ? DEFAULT_START_RATE : startRate, growth == null ? SweepPlan.DEFAULT_GROWTH : growth,
                resolution == null ? SweepPlan.DEFAULT_RESOLUTION : QuantityUnit.RATIO.parse(resolution), stepBound,
                maxTimeNs);
    }
}
