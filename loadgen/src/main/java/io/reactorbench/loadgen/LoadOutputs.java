package io.reactorbench.loadgen;

import io.reactorbench.results.load.LoadResult;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a run's results go.
 *
 * @param json the result as JSON ({@link LoadResult}); null for none
 * @param hlog HdrHistogram interval log, one interval per second of the measured window; null for none
 * @param out where the summary is printed
 * @param progressOut where progress and warnings are printed: stderr from the CLI, so that a redirected summary
 *        (or {@code --json -}) holds no progress lines
 * @param progress how progress is shown
 * @param printSummary whether the wrk2-style summary is printed at the end
 * @param reportMemory whether heap per connection is measured once the connections are open (forces GCs)
 */
public record LoadOutputs(Path json, Path hlog, PrintStream out, PrintStream progressOut, Progress progress,
        boolean printSummary, boolean reportMemory) {

    public enum Progress {
        /** One line rewritten in place (a terminal). */
        UPDATING_LINE,
        /** One line per second (a log or a pipe). */
        LINES,
        NONE
    }

    /** Nothing printed or written: for callers that only want the returned {@link LoadResult}. */
    public static LoadOutputs silent() {
        return new LoadOutputs(null, null, System.out, System.err, Progress.NONE, false, false);
    }
}
