package io.reactorbench.report;

import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** Numbers read straight from the fixture's summary.json files, so tests compare the page with the source. */
final class FixtureValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FixtureValues() {
    }

    static double latencyNs(String trialDir, String percentile) {
        Path summary = Fixture.SOURCE.resolve(trialDir).resolve("summary.json");
        return JSON.readTree(summary.toFile()).path("latencyNs").path("corrected").path(percentile).asDouble();
    }
}
