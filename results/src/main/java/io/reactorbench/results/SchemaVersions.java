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

    private SchemaVersions() {
    }
}
