package io.reactorbench.scenarios.suite;

import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.results.sweep.SweepObjective;
import io.reactorbench.results.yaml.YamlNode;
import io.reactorbench.wire.spi.Transport;
import io.reactorbench.wire.units.Durations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a suite file. Everything that can be known from the file alone is checked here, so a
 * run never starts with a typo in it: unknown keys, wrong types, impossible values, each as
 * {@code file:line: sentence}. (What depends on the machine, such as design availability and fd limits, is
 * checked by the runner before its first cell.)
 */
public final class SuiteParser {

    private static final Set<String> SUITE_KEYS = Set.of("name", "description", "trials", "warmup", "duration",
            "cpus", "server", "serverJvmOptions", "startupTimeout", "maxErrorRatio", "designs", "scenarios");
    private static final Set<String> DESIGN_KEYS = Set.of("id", "name", "loops", "options", "jvmOptions", "processes");
    /** Server processes of one design: far more than a million connections need (~52 under a 20,000 fd limit). */
    private static final long MAX_PROCESSES = 1_024;
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "app", "model", "connections", "rate", "depth",
            "size", "responseSize", "cpuNs", "blockUs", "heartbeat", "connectRate", "threads", "warmup", "duration",
            "maxErrorRatio", "readRate", "serverCpuQuota", "transport", "steps", "hold", "verifyRate", "memoryFloor", "settle",
            "rates", "find", "slo", "startRate", "growth", "resolution", "maxSteps", "maxTime", "designs");
    /** Keys of a rate sweep (model sweep) only. */
    private static final List<String> SWEEP_KEYS = List.of("rates", "find", "slo", "startRate", "growth", "resolution",
            "maxSteps", "maxTime");
    /** A sweep runs as one load process: within one process's open-files limit, on kernel-chosen ports. */
    private static final long MAX_SWEEP_CONNECTIONS = 10_000;
    /** Keys that may hold a list of values: each value becomes a variant of the scenario. */
    private static final List<String> SWEEPABLE = List.of("connections", "rate", "size", "depth");
    private static final Set<String> APPS = Set.of("echo", "rpc", "http");
    private static final Set<String> MODELS = Set.of("closed", "open", "idle", "churn", "slowread", "ceiling", "sweep");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final long MAX_CONNECTIONS = 1_000_000;

    private final String source;

    private SuiteParser(String source) {
        this.source = source;
    }

    /**
     * @param source what to call the file in messages (its path, or {@code builtin:smoke})
     * @param text   the YAML text
     */
    public static Suite parse(String source, String text) {
        return parse(source, SuiteYaml.read(source, text));
    }

    /** Parses a tree already read (and perhaps changed by {@link SuiteOverrides}). */
    static Suite parse(String source, YamlNode root) {
        return new SuiteParser(source).suite(root);
    }

    private Suite suite(YamlNode root) {
        MappingReader suite = new MappingReader(source, "the suite", root);
        suite.rejectUnknownKeys(SUITE_KEYS);
        String name = suite.requireString("name");
        requireName(suite, "name", name);
        int trials = (int) suite.wholeNumber("trials", 3, 1, 100);
        double warmup = suite.seconds("warmup", Durations.parseNs(LoadSpec.DEFAULT_WARMUP) / 1e9, 0);
        double duration = suite.seconds("duration", 10, 0.5);
        double maxErrorRatio = suite.number("maxErrorRatio", 0.01, 0, 1);
        double startupTimeout = suite.seconds("startupTimeout", 20, 1);
        CpuSets cpus = cpus(suite);

        Integer loops = null;
        Map<String, String> serverOptions = new LinkedHashMap<>();
        if (suite.has("server")) {
            Map<String, String> server = suite.stringMap("server");
            MappingReader serverMap = new MappingReader(source, "'server'", suite.node("server"));
            for (Map.Entry<String, String> option : server.entrySet()) {
                if (option.getKey().equals("loops")) {
                    loops = (int) serverMap.wholeNumber("loops", 0, 0, 4096);
                } else {
                    serverOptions.put(option.getKey(), option.getValue());
                }
            }
        }
        List<String> jvmOptions = suite.stringList("serverJvmOptions");

        if (!suite.has("designs")) {
            throw new SuiteError(source, suite.line(), "the suite needs 'designs': a list of design ids (see 'reactorbench servers')");
        }
        List<DesignSpec> designs = designs(suite.node("designs"));
        if (!suite.has("scenarios")) {
            throw new SuiteError(source, suite.line(), "the suite needs 'scenarios': a list of workloads");
        }
        Set<String> designNames = new HashSet<>(designs.stream().map(DesignSpec::name).toList());
        List<Scenario> scenarios = scenarios(suite.node("scenarios"), warmup, duration, maxErrorRatio, designNames);
        return new Suite(name, suite.string("description", ""), source, trials, cpus, loops, serverOptions, jvmOptions,
                startupTimeout, designs, scenarios);
    }

    private CpuSets cpus(MappingReader suite) {
        if (!suite.has("cpus")) {
            return CpuSets.DEFAULT;
        }
        YamlNode node = suite.node("cpus");
        if (node instanceof YamlNode.Scalar(int line, Object value, String _) && ("none".equals(value) || Boolean.FALSE.equals(value))) {
            return CpuSets.NONE;
        }
        MappingReader cpus = new MappingReader(source, "'cpus' (or 'cpus: none')", node);
        cpus.rejectUnknownKeys(Set.of("server", "load"));
        String server = cpus.string("server", null);
        String load = cpus.string("load", null);
        for (String key : List.of("server", "load")) {
            String value = key.equals("server") ? server : load;
            if (value != null && !value.matches("[0-9]+([-,][0-9]+)*")) {
                throw cpus.error(key, "'" + key + "' in 'cpus' must be a CPU list like 0, 0-1 or 2,3 (taskset -c syntax), got '" + value + "'");
            }
        }
        return new CpuSets(server, load);
    }

    private List<DesignSpec> designs(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence(int listLine, List<YamlNode> items)) || items.isEmpty()) {
            throw new SuiteError(source, node.line(), "'designs' must be a non-empty list of design ids, got " + node.kind());
        }
        List<DesignSpec> designs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : items) {
            DesignSpec design = design(item);
            if (!names.add(design.name())) {
                throw new SuiteError(source, item.line(), "design '" + design.name() + "' is listed twice; give one a different 'name'");
            }
            designs.add(design);
        }
        return designs;
    }

    private DesignSpec design(YamlNode item) {
        if (item instanceof YamlNode.Scalar scalar && scalar.value() instanceof String id) {
            return checkedDesign(new DesignSpec(id.trim(), id.trim(), null, Map.of(), List.of(), item.line()));
        }
        if (!(item instanceof YamlNode.Mapping)) {
            throw new SuiteError(source, item.line(), "a design must be an id like netty-epoll or a mapping with 'id', got " + item.kind());
        }
        MappingReader design = new MappingReader(source, "a design", item);
        design.rejectUnknownKeys(DESIGN_KEYS);
        String id = design.requireString("id").trim();
        String name = design.string("name", id);
        Integer loops = design.has("loops") ? (int) design.wholeNumber("loops", 0, 0, 4096) : null;
        int processes = processes(design);
        if (processes != 1 && id.startsWith(DesignSpec.EXTERNAL_PREFIX)) {
            throw design.error("processes", "an external design runs the one process its command starts: drop"
                    + " 'processes' from " + id);
        }
        return checkedDesign(new DesignSpec(id, name, loops, design.stringMap("options"), design.stringList("jvmOptions"),
                item.line(), processes));
    }

    /** {@code processes: K} (1 by default) or {@code auto}. */
    private static int processes(MappingReader design) {
        if (!design.has("processes")) {
            return 1;
        }
        if (design.node("processes") instanceof YamlNode.Scalar(int l, Object v, String _) && "auto".equals(v)) {
            return DesignSpec.AUTO_PROCESSES;
        }
        return (int) design.wholeNumber(design.node("processes"), "'processes' in a design (or auto)", 1,
                MAX_PROCESSES);
    }

    private DesignSpec checkedDesign(DesignSpec design) {
        if (design.external()) {
            if (design.externalCommand().isEmpty() || !design.externalCommand().contains("{port}")) {
                throw new SuiteError(source, design.line(), "an external design needs a command with {port} in it, e.g. "
                        + "'external:./my-server --port {port}', got '" + design.id() + "'");
            }
        } else if (!NAME.matcher(design.id()).matches()) {
            throw new SuiteError(source, design.line(), "'" + design.id() + "' is not a design id (see 'reactorbench servers')");
        }
        return design;
    }

    private List<Scenario> scenarios(YamlNode node, double warmup, double duration, double maxErrorRatio,
                                     Set<String> designNames) {
        if (!(node instanceof YamlNode.Sequence(int listLine, List<YamlNode> items)) || items.isEmpty()) {
            throw new SuiteError(source, node.line(), "'scenarios' must be a non-empty list of workloads, got " + node.kind());
        }
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : items) {
            MappingReader scenario = new MappingReader(source, "a scenario", item);
            String name = scenario.requireString("name");
            requireName(scenario, "name", name);
            if (!names.add(name)) {
                throw scenario.error("name", "scenario name '" + name + "' is used twice");
            }
            scenarios.addAll(variants(new MappingReader(source, "scenario '" + name + "'", item), name, warmup, duration,
                    maxErrorRatio, designNames));
        }
        return scenarios;
    }

    private List<Scenario> variants(MappingReader s, String name, double suiteWarmup, double suiteDuration,
                                    double suiteMaxErrorRatio, Set<String> designNames) {
        s.rejectUnknownKeys(SCENARIO_KEYS);
        String app = s.requireString("app");
        if (!APPS.contains(app)) {
            throw s.error("app", "'app' in " + s.where() + " must be one of echo, rpc, http, got '" + app + "'");
        }
        String model = s.string("model", s.has("rates") || s.has("find") ? "sweep" : "closed");
        if (!MODELS.contains(model)) {
            throw s.error("model", "'model' in " + s.where() + " must be one of closed, open, idle, churn, slowread, ceiling, sweep, got '" + model + "'");
        }
        RateSteps sweep = sweep(s, model);
        List<String> designs = scenarioDesigns(s, designNames);
        CeilingRamp ceiling = ceiling(s, model, app);
        if (ceiling != null) {
            if (s.has("connections")) {
                throw s.error("connections", s.where() + " is a ceiling ramp: its last step is its connections; drop"
                        + " 'connections'");
            }
        } else if (!s.has("connections")) {
            throw new SuiteError(source, s.line(), s.where() + " needs 'connections' (a number, a list of numbers to sweep, or max)");
        }
        Map<String, List<Number>> swept = new LinkedHashMap<>();
        for (String key : SWEEPABLE) {
            if (s.has(key)) {
                swept.put(key, sweepValues(s, key));
            }
        }
        if (ceiling != null) {
            if (swept.values().stream().anyMatch(values -> values.size() > 1)) {
                throw new SuiteError(source, s.line(), s.where() + " is a ceiling ramp: it sweeps connections in"
                        + " 'steps' and nothing else; give 'rate', 'size' and 'depth' one value each");
            }
            swept.put("connections", List.of(ceiling.topStep()));
        }
        int responseSize = (int) s.wholeNumber("responseSize", 0, 0, 64L << 20);
        long cpuNs = s.wholeNumber("cpuNs", 0, 0, 1_000_000_000L);
        long blockUs = s.wholeNumber("blockUs", 0, 0, 10_000_000L);
        for (String rpcOnly : List.of("responseSize", "cpuNs", "blockUs")) {
            if (s.has(rpcOnly) && !app.equals("rpc")) {
                throw s.error(rpcOnly, "'" + rpcOnly + "' in " + s.where() + " only applies to app rpc (this one is " + app + ")");
            }
        }
        double heartbeat = s.seconds("heartbeat", 0, 0);
        if (s.has("heartbeat") && !model.equals("idle")) {
            throw s.error("heartbeat", "'heartbeat' in " + s.where() + " only applies to model idle (this one is " + model + ")");
        }
        // slowread: the reader's pace per connection; 16 KiB/s falls behind any sender within a fraction of a second.
        long readRate = s.wholeNumber("readRate", model.equals("slowread") ? 16 * 1024 : 0, 0, 1L << 30);
        if (s.has("readRate") && !model.equals("slowread")) {
            throw s.error("readRate", "'readRate' in " + s.where() + " only applies to model slowread (this one is " + model + ")");
        }
        if (model.equals("slowread") && app.equals("http")) {
            throw s.error("app", "model slowread in " + s.where() + " drives echo or rpc, not http");
        }
        if (model.equals("slowread") && s.has("depth")) {
            throw s.error("depth", "'depth' in " + s.where() + " does not apply to model slowread (it sends as fast as the socket accepts)");
        }
        double connectRate = s.number("connectRate", 0, 0, 10_000_000);
        int threads = (int) s.wholeNumber("threads", 0, 0, 1024);
        double warmup = s.seconds("warmup", suiteWarmup, 0);
        double duration = s.seconds("duration", suiteDuration, 0.5);
        double maxErrorRatio = s.number("maxErrorRatio", suiteMaxErrorRatio, 0, 1);
        // Percent of one CPU, up to 64 CPUs; at 1 % the kernel's smallest quota (1 ms) needs a 100 ms period already.
        double serverCpuQuota = s.percent("serverCpuQuota", 0, 1, 6400);
        Transport transport = transport(s, app, model);

        List<Scenario> variants = new ArrayList<>();
        for (Map<String, Number> point : cartesian(swept)) {
            String variant = variantName(swept, point);
            int connections = point.get("connections").intValue();
            double rate = point.containsKey("rate") ? point.get("rate").doubleValue() : 0;
            int size = point.containsKey("size") ? point.get("size").intValue() : 64;
            int depth = point.containsKey("depth") ? point.get("depth").intValue() : 1;
            if ((model.equals("open") || model.equals("ceiling")) && rate <= 0) {
                throw new SuiteError(source, s.lineOf("rate"), s.where() + (model.equals("open") ? " is open loop"
                        : " is a ceiling ramp") + ": it needs 'rate' (requests per second in total) above 0");
            }
            if (sweep != null && s.has("rate")) {
                throw s.error("rate", "'rate' in " + s.where() + " does not apply to a sweep: its rates are 'rates' or"
                        + " the search's ('find', from 'startRate')");
            }
            if (sweep != null && connections > MAX_SWEEP_CONNECTIONS) {
                throw new SuiteError(source, s.lineOf("connections"), s.where() + " is a rate sweep, run as one load"
                        + " process: at most " + MAX_SWEEP_CONNECTIONS + " connections, got " + connections);
            }
            if (sweep != null && depth != 1) {
                throw s.error("depth", "a sweep in " + s.where() + " sends one request at a time per connection (no"
                        + " 'depth')");
            }
            if ((model.equals("closed") || model.equals("slowread")) && s.has("rate")) {
                throw s.error("rate", "'rate' in " + s.where() + " does not apply to model " + model + " (use model open for a fixed rate)");
            }
            variants.add(new Scenario(name, variant, app, model, connections, rate, depth, size, responseSize, cpuNs,
                    blockUs, heartbeat, connectRate, threads, warmup, duration, maxErrorRatio, s.line(), readRate,
                    serverCpuQuota, transport, ceiling, sweep, designs));
        }
        return variants;
    }

    /**
     * Model ceiling's ramp: {@code steps} (strictly increasing connection counts), {@code hold}, {@code verifyRate},
     * {@code memoryFloor}, {@code settle}; null for the other models, which may not use those keys.
     */
    private CeilingRamp ceiling(MappingReader s, String model, String app) {
        if (!model.equals("ceiling")) {
            for (String key : List.of("steps", "hold", "verifyRate", "memoryFloor", "settle")) {
                if (s.has(key)) {
                    throw s.error(key, "'" + key + "' in " + s.where() + " only applies to model ceiling (this one is "
                            + model + ")");
                }
            }
            return null;
        }
        if (!app.equals("echo")) {
            throw s.error("app", "model ceiling in " + s.where() + " verifies each connection with an echo round trip:"
                    + " it runs app echo, not " + app);
        }
        if (!s.has("steps")) {
            throw new SuiteError(source, s.line(), s.where() + " is a ceiling ramp: it needs 'steps', the connections"
                    + " held at each step, e.g. [10k, 50k, 100k]");
        }
        YamlNode node = s.node("steps");
        List<YamlNode> items = node instanceof YamlNode.Sequence(int l, List<YamlNode> list) ? list : List.of(node);
        List<Integer> steps = new ArrayList<>();
        for (YamlNode item : items) {
            int step = (int) s.wholeNumber(item, "a step in " + s.where(), 1, MAX_CONNECTIONS);
            if (!steps.isEmpty() && step <= steps.getLast()) {
                throw new SuiteError(source, item.line(), "'steps' in " + s.where() + " must increase, got " + step
                        + " after " + steps.getLast());
            }
            steps.add(step);
        }
        if (steps.isEmpty()) {
            throw s.error("steps", "'steps' in " + s.where() + " is an empty list; give at least one step");
        }
        double hold = s.seconds("hold", 10, 0.5);
        double verifyRate = s.number("verifyRate", 0, 1, 10_000_000);
        long memoryFloor = s.wholeNumber("memoryFloor", 0, 0, Long.MAX_VALUE);
        double settle = s.seconds("settle", CeilingRamp.DEFAULT_SETTLE_SECONDS, 0);
        return new CeilingRamp(steps, hold, verifyRate, memoryFloor, settle);
    }

    /**
     * {@code designs: [engine-epoll, netty-epoll]}: the suite's designs (by name) this scenario runs on, so a suite
     * can give a scenario that only some designs need (a rate sweep, long per cell) to those; empty for all.
     */
    private List<String> scenarioDesigns(MappingReader s, Set<String> designNames) {
        if (!s.has("designs")) {
            return List.of();
        }
        YamlNode node = s.node("designs");
        if (!(node instanceof YamlNode.Sequence(int l, List<YamlNode> items)) || items.isEmpty()) {
            throw s.error("designs", "'designs' in " + s.where() + " must be a non-empty list of the suite's design"
                    + " names, got " + node.kind());
        }
        List<String> names = new ArrayList<>();
        for (YamlNode item : items) {
            String name = s.scalarText(item, "a design in 'designs' of " + s.where());
            if (!designNames.contains(name)) {
                throw new SuiteError(source, item.line(), "'" + name + "' in 'designs' of " + s.where()
                        + " is not one of the suite's designs (" + String.join(", ", designNames.stream().sorted()
                        .toList()) + ")");
            }
            names.add(name);
        }
        return names;
    }

    /**
     * Model sweep's steps: {@code rates} (increasing) or {@code find: max-rate} with {@code slo}, and the search's
     * bounds; null for the other models, which may not use those keys.
     */
    private RateSteps sweep(MappingReader s, String model) {
        if (!model.equals("sweep")) {
            for (String key : SWEEP_KEYS) {
                if (s.has(key)) {
                    throw s.error(key, "'" + key + "' in " + s.where() + " only applies to model sweep (this one is "
                            + model + ")");
                }
            }
            return null;
        }
        if (s.has("rates") == s.has("find")) {
            throw new SuiteError(source, s.line(), s.where() + " is a rate sweep: it needs 'rates' (e.g. [1k, 2k, 4k])"
                    + " or 'find: max-rate' with 'slo', not " + (s.has("rates") ? "both" : "neither"));
        }
        List<Double> rates = new ArrayList<>();
        if (s.has("rates")) {
            YamlNode node = s.node("rates");
            List<YamlNode> items = node instanceof YamlNode.Sequence(int l, List<YamlNode> list) ? list : List.of(node);
            for (YamlNode item : items) {
                double rate = s.number(item, "a rate in 'rates' of " + s.where(), 1, 100_000_000);
                if (!rates.isEmpty() && rate <= rates.getLast()) {
                    throw new SuiteError(source, item.line(), "'rates' in " + s.where() + " must increase, got "
                            + VariantNames.value("rate", rate) + " after " + VariantNames.value("rate", rates.getLast()));
                }
                rates.add(rate);
            }
            if (rates.isEmpty()) {
                throw s.error("rates", "'rates' in " + s.where() + " is an empty list; give at least one rate");
            }
            for (String searchOnly : List.of("startRate", "growth", "resolution", "maxSteps")) {
                if (s.has(searchOnly)) {
                    throw s.error(searchOnly, "'" + searchOnly + "' in " + s.where() + " only applies to 'find'");
                }
            }
        } else {
            String find = s.string("find", "");
            if (!find.equals("max-rate")) {
                throw s.error("find", "'find' in " + s.where() + " must be max-rate, got '" + find + "'");
            }
            if (!s.has("slo")) {
                throw s.error("find", s.where() + " finds the highest rate within an objective: it needs 'slo', e.g."
                        + " {p99: 5ms, errors: 0.1%}");
            }
        }
        SweepObjective objective = s.has("slo") ? objective(s) : null;
        double startRate = s.number("startRate", 1_000, 1, 100_000_000);
        double growth = s.number("growth", 2, 1.01, 100);
        double resolution = s.percent("resolution", 5, 0.1, 99) / 100;
        int maxSteps = (int) s.wholeNumber("maxSteps", 12, 2, 100);
        // 0: the load generator's default bound, twice the steps' warm-ups and windows
        double maxTime = s.seconds("maxTime", 0, 1);
        return new RateSteps(rates, objective, startRate, growth, resolution, maxSteps, maxTime);
    }

    /** {@code slo: {p99: 5ms, errors: 0.1%}}: each key one limit, errors at the line of the key. */
    private SweepObjective objective(MappingReader s) {
        MappingReader slo = new MappingReader(source, "'slo' in " + s.where(), s.node("slo"));
        slo.rejectUnknownKeys(Set.copyOf(SweepObjective.KEYS));
        SweepObjective objective = null;
        for (String key : SweepObjective.KEYS) {
            if (slo.has(key)) {
                try {
                    objective = SweepObjective.with(objective, key, slo.string(key, ""));
                } catch (IllegalArgumentException bad) {
                    throw slo.error(key, "'" + key + "' in 'slo' of " + s.where() + ": " + bad.getMessage());
                }
            }
        }
        if (objective == null) {
            throw s.error("slo", "'slo' in " + s.where() + " needs at least one limit: "
                    + String.join(", ", SweepObjective.KEYS));
        }
        return objective;
    }

    /** tcp unless the scenario says; over udp only the workloads a datagram can carry (as the load generator rules). */
    private static Transport transport(MappingReader s, String app, String model) {
        String id = s.string("transport", Transport.TCP.id());
        Transport transport;
        try {
            transport = Transport.parse(id);
        } catch (IllegalArgumentException unknown) {
            throw s.error("transport", "'transport' in " + s.where() + " must be one of tcp, unix, udp, got '" + id + "'");
        }
        if (transport == Transport.UDP && !app.equals("echo")) {
            throw s.error("transport", s.where() + " runs app " + app + " over udp, which carries the echo app only"
                    + " (one datagram per request); use tcp or unix");
        }
        if (transport != Transport.TCP && model.equals("ceiling")) {
            throw s.error("transport", "model ceiling in " + s.where() + " ramps TCP connections (it binds source"
                    + " addresses and shares the server's port over processes); use tcp");
        }
        if (transport == Transport.UDP && (model.equals("churn") || model.equals("slowread"))) {
            throw s.error("transport", "model " + model + " in " + s.where() + " needs connections, and udp has none;"
                    + " use tcp or unix");
        }
        return transport;
    }

    private List<Number> sweepValues(MappingReader s, String key) {
        YamlNode node = s.node(key);
        List<YamlNode> items = node instanceof YamlNode.Sequence(int l, List<YamlNode> list) ? list : List.of(node);
        if (items.isEmpty()) {
            throw s.error(key, "'" + key + "' in " + s.where() + " is an empty list; give at least one value");
        }
        List<Number> values = new ArrayList<>();
        for (YamlNode item : items) {
            String what = "'" + key + "' in " + s.where();
            values.add(switch (key) {
                case "connections" -> item instanceof YamlNode.Scalar(int l, Object v, String _) && "max".equals(v)
                        ? Scenario.MAX_CONNECTIONS
                        : (int) s.wholeNumber(item, what + " (or max)", 1, MAX_CONNECTIONS);
                case "rate" -> s.number(item, what, 0, 100_000_000);
                case "size" -> (int) s.wholeNumber(item, what, 1, 64L << 20);
                case "depth" -> (int) s.wholeNumber(item, what, 1, 1024);
                default -> throw new IllegalStateException(key);
            });
        }
        return values;
    }

    private static List<Map<String, Number>> cartesian(Map<String, List<Number>> swept) {
        List<Map<String, Number>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Number>> axis : swept.entrySet()) {
            List<Map<String, Number>> next = new ArrayList<>();
            for (Map<String, Number> point : points) {
                for (Number value : axis.getValue()) {
                    Map<String, Number> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points;
    }

    /** Names only the keys that really vary (a list of two or more values): {@code connections=1000}. */
    private static String variantName(Map<String, List<Number>> swept, Map<String, Number> point) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Number>> axis : swept.entrySet()) {
            if (axis.getValue().size() > 1) {
                parts.add(axis.getKey() + "=" + VariantNames.value(axis.getKey(), point.get(axis.getKey())));
            }
        }
        return String.join(",", parts);
    }

    private void requireName(MappingReader reader, String key, String name) {
        if (!NAME.matcher(name).matches()) {
            throw reader.error(key, "'" + key + "' must be letters, digits, '.', '_' or '-' (it names directories), got '" + name + "'");
        }
    }
}
