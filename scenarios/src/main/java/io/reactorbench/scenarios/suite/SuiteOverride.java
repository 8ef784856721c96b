package io.reactorbench.scenarios.suite;

/**
 * One {@code --set} override as typed on the command line: {@code KEY=VALUE} for a suite key ({@code trials=3},
 * {@code duration=3s}), {@code SCENARIO.KEY=VALUE} for one scenario ({@code rpc-blocking.cpuNs=50000}) or
 * {@code *.KEY=VALUE} for every scenario the key applies to. The value is YAML, as it would be written in the file.
 * Only the shape is checked here; the key and value are validated with the rest of the suite.
 *
 * @param text     the override as typed, for messages and the run's notes
 * @param scenario the scenario's name, {@link #EVERY_SCENARIO}, or null for a suite key
 */
public record SuiteOverride(String text, String scenario, String key, String value) {

    public static final String EVERY_SCENARIO = "*";

    public static SuiteOverride parse(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("--set '" + text + "': expected KEY=VALUE, SCENARIO.KEY=VALUE or *.KEY=VALUE");
        }
        String target = text.substring(0, equals).trim();
        String value = text.substring(equals + 1).trim();
        // Keys hold no dots but scenario names may ("rpc.v2"), so the last dot separates them.
        int dot = target.lastIndexOf('.');
        String scenario = dot < 0 ? null : target.substring(0, dot).trim();
        String key = target.substring(dot + 1).trim();
        SuiteOverride override = new SuiteOverride(text, scenario, key, value);
        if (key.isEmpty() || scenario != null && scenario.isEmpty()) {
            throw override.error("expected KEY=VALUE, SCENARIO.KEY=VALUE or *.KEY=VALUE");
        }
        if (value.isEmpty()) {
            throw override.error("no value after '='");
        }
        return override;
    }

    public boolean suiteKey() {
        return scenario == null;
    }

    public boolean everyScenario() {
        return EVERY_SCENARIO.equals(scenario);
    }

    /** A user error that names this override, for the CLI's one-line message. */
    IllegalArgumentException error(String sentence) {
        return new IllegalArgumentException("--set '" + text + "': " + sentence);
    }
}
