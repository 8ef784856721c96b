package io.reactorbench.scenarios.suite;

import io.reactorbench.results.yaml.YamlNode;
import io.reactorbench.results.yaml.YamlReader;
import io.reactorbench.results.yaml.YamlSyntaxError;

/** Reads a suite's YAML (or a {@code --set} value) with the shared reader; its errors become {@link SuiteError}s. */
final class SuiteYaml {

    private SuiteYaml() {
    }

    static YamlNode read(String source, String text) {
        try {
            return YamlReader.read(text).orElseThrow(() -> new SuiteError(source, 1,
                    "the file is empty; a suite needs at least 'name', 'designs' and 'scenarios'"));
        } catch (YamlSyntaxError e) {
            throw new SuiteError(source, e.line(), e.reason());
        }
    }
}
