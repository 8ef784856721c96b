package io.reactorbench.results;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code run.json}: the run as a whole. Rewritten after every cell, so that a run stopped at any point
 * still describes everything measured so far.
 *
 * @param schema        {@link SchemaVersions#RUN}
 * @param id            directory name, e.g. {@code 20261126-031500-smoke}
 * @param startedAt     ISO-8601 UTC
 * @param finishedAt    ISO-8601 UTC; null while running
 * @param suiteResolved the suite after defaults and sweeps were applied (free-form: report it, do not rely on it)
 * @param cells         every cell attempted so far, in run order
 */
public record RunManifest(
        String schema,
        String id,
        String suite,
        RunStatus status,
        String startedAt,
        String finishedAt,
        Environment environment,
        JsonNode suiteResolved,
        List<CellRef> cells) {

    public RunManifest {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    public RunManifest withStatus(RunStatus newStatus, String newFinishedAt) {
        return new RunManifest(schema, id, suite, newStatus, startedAt, newFinishedAt, environment, suiteResolved, cells);
    }

    public RunManifest withCells(List<CellRef> newCells) {
        return new RunManifest(schema, id, suite, status, startedAt, finishedAt, environment, suiteResolved, newCells);
    }
}
