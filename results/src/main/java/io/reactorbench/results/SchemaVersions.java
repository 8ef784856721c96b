package io.reactorbench.results;

/**
 * The schema tags written into every results file (see {@code docs/results-schema.md}). Readers accept
 * exactly these; a file carrying another tag is rejected with a {@link ResultsFormatException}.
 */
public final class SchemaVersions {

    /** {@code run.json}. */
    public static final String RUN = "reactorbench.run/1";

    /** {@code summary.json} of one cell. */
    public static final String SUMMARY = "reactorbench.summary/1";

    /**
     * {@code load.json}, the load generator's result ({@link io.reactorbench.results.load.LoadResult}); written into
     * the file, but not insisted on by its reader ({@link io.reactorbench.results.load.LoadJson} says why).
     */
    public static final String LOAD = "reactorbench.load/1";

    private SchemaVersions() {
    }
}
