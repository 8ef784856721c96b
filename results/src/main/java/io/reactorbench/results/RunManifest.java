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
 * @param notes         what the runner wants readers to know, one sentence each: designs skipped as unavailable
 *                      here, {@code connections: max} resolved, pinning not applied (added in schema v1, may be absent)
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
        List<CellRef> cells,
        List<String> notes) {

    public RunManifest {
        cells = cells == null ? List.of() : List.copyOf(cells);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Without notes: the shape of the first release of this record, kept for callers written against it. */
    public RunManifest(String schema, String id, String suite, RunStatus status, String startedAt, String finishedAt,
                       Environment environment, JsonNode suiteResolved, List<CellRef> cells) {
        this(schema, id, suite, status, startedAt, finishedAt, environment, suiteResolved, cells, List.of());
    }

    public RunManifest withStatus(RunStatus newStatus, String newFinishedAt) {
        return new RunManifest(schema, id, suite, newStatus, startedAt, newFinishedAt, environment, suiteResolved, cells,
                notes);
    }

    public RunManifest withCells(List<CellRef> newCells) {
        return new RunManifest(schema, id, suite, status, startedAt, finishedAt, environment, suiteResolved, newCells,
                notes);
    }
}
