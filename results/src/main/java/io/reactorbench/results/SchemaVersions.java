package io.reactorbench.results;

import java.util.List;

/**
 * The schema tags written into every results file (see {@code docs/results-schema.md}). Readers accept
 * exactly these; a file carrying another tag is rejected with a {@link ResultsFormatException}.
 */
public final class SchemaVersions {

    /** {@code run.json}. */
    public static final String RUN = "reactorbench.run/1";

    /**
     * {@code summary.json} of one cell. Version 2 (issue 19): failed requests count in latency and the summary says
     * how many (failedRequests, errorRate), the generator's schedule, the allocation calibration, a sweep's steps;
     * a ceiling step embeds the load's step (heldConnections). Version 1 files are still read: every field added
     * in 2 reads as absent, so what they measured keeps its meaning (docs/results-schema.md lists the changes).
     */
    public static final String SUMMARY = "reactorbench.summary/2";

    /** The summary versions this reader understands: the current one and version 1. */
    public static final List<String> SUMMARY_READABLE = List.of(SUMMARY, "reactorbench.summary/1");

    /**
     * {@code load.json}, the load generator's result ({@link io.reactorbench.results.load.LoadResult}); written into
     * the file, but not insisted on by its reader ({@link io.reactorbench.results.load.LoadJson} says why).
     */
    public static final String LOAD = "reactorbench.load/1";

    private SchemaVersions() {
    }
}
