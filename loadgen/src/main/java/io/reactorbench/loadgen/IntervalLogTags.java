package io.reactorbench.loadgen;

/**
 * Which latency each series of a load's {@code --hlog} holds. The main series is untagged, so that HdrHistogram's
 * own tools ({@code HistogramLogProcessor -i load.hlog}) read it without {@code -tag}: corrected latency in the
 * open and idle models, uncorrected latency in the others (which have no intended send times). The open and idle
 * models also write their uncorrected latency, tagged {@value #UNCORRECTED}. Every request is in each series once.
 */
public final class IntervalLogTags {

    /** Tag of the uncorrected series in models whose main series is the corrected one. */
    public static final String UNCORRECTED = "uncorrected";
    /** Key under which readers of a log group its untagged intervals. */
    public static final String UNTAGGED = "";

    private IntervalLogTags() {
    }

    /** Tag of the uncorrected series in {@code model}'s log: null (the main series) unless the model is scheduled. */
    public static String uncorrectedTag(LoadModel model) {
        return model.scheduled() ? UNCORRECTED : null;
    }

    /** What the header comment of the log says about its series. */
    public static String describe(LoadModel model) {
        return model.scheduled()
                ? "untagged intervals: corrected latency (from the intended send time); tagged " + UNCORRECTED
                        + ": uncorrected (from the actual send)"
                : "untagged intervals: uncorrected latency (from the actual send; this model has no intended send"
                        + " times, so coordinated omission is not corrected)";
    }
}
