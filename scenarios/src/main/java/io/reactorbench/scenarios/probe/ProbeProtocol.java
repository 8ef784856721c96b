package io.reactorbench.scenarios.probe;

import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.ResultsJson;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * Both ends of the probe's control channel, so that they cannot disagree: the runner writes a command line to
 * {@code serve}'s standard input ({@link #STATS}, or {@link #GC} to collect first), the server answers one line,
 * the command's name, a space and a {@link ProbeSample} (its inside fields) as compact JSON, written and read by
 * the results' own mapper.
 */
public final class ProbeProtocol {

    public static final String STATS = "STATS";
    public static final String GC = "GC";

    // Built once: the server writes an answer every second or so inside the measured process.
    private static final ObjectWriter WRITER = ResultsJson.compact().writerFor(ProbeSample.class);
    private static final ObjectReader READER = ResultsJson.compact().readerFor(ProbeSample.class);

    private ProbeProtocol() {
    }

    /**
     * Writes one answer and forgets it: loading Jackson and building the record's serializer takes seconds on a
     * busy machine, which the first STATS would otherwise spend past the runner's timeout (it then stops asking).
     * The server calls this while it starts, before READY.
     */
    static void prepareWriter() {
        answer(STATS, ProbeSample.inside(0L, 0L, 0L, 1L, 0.5, 0.5, List.of(List.of(0.0, 0.5)), 0L, 0L, 0, 0, 0L, 0L,
                "jfr", "note"));
    }

    /** The answer line to {@code command}, without its line end. */
    public static String answer(String command, ProbeSample sample) {
        return command + ' ' + WRITER.writeValueAsString(sample);
    }

    /** Whether a line of the server's output answers a probe command (other lines are the server's own). */
    public static boolean isAnswer(String line) {
        return line.startsWith(STATS + ' ') || line.startsWith(GC + ' ');
    }

    /**
     * The sample an answer line carries.
     *
     * @throws JacksonException when the line does not hold one
     */
    public static ProbeSample parseAnswer(String line) {
        return READER.readValue(line.substring(line.indexOf(' ') + 1));
    }
}
