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
    /**
     * Tag of the series of how late the generator sent against its schedule (open and idle models; ns): its own
     * health, not the server's latency. Every scheduled send is in it once.
     */
    public static final String SEND_LATENESS = "send-lateness";
    /**
     * Ceiling and sweep models: prefix of each step's tags ({@code step-3}, {@code step-3-uncorrected},
     * {@code step-3-send-lateness}).
     */
    public static final String STEP_PREFIX = "step-";
    /** Key under which readers of a log group its untagged intervals. */
    public static final String UNTAGGED = "";

    private IntervalLogTags() {
    }

    /** Tag of the uncorrected series in {@code model}'s log: null (the main series) unless the model is scheduled. */
    public static String uncorrectedTag(LoadModel model) {
        return model.scheduled() ? UNCORRECTED : null;
    }

    /**
     * Ceiling and sweep models: the tag of step {@code index}'s window (a hold, a sweep step's measured window),
     * corrected ({@code step-3}) or not ({@code step-3-uncorrected}).
     */
    public static String stepTag(int index, boolean corrected) {
        return STEP_PREFIX + index + (corrected ? "" : "-" + UNCORRECTED);
    }

    /** Ceiling and sweep models: the tag of step {@code index}'s send lateness ({@code step-3-send-lateness}). */
    public static String stepSendLatenessTag(int index) {
        return STEP_PREFIX + index + "-" + SEND_LATENESS;
    }

    /** What the header comment of the log says about its series. */
    public static String describe(LoadModel model) {
        if (model == LoadModel.CEILING || model == LoadModel.SWEEP) {
            return "one interval per step's " + (model == LoadModel.CEILING ? "hold" : "measured window") + ", tagged "
                    + stepTag(0, true) + " (corrected latency, from the intended send time), " + stepTag(0, false)
                    + " (uncorrected) and " + stepSendLatenessTag(0)
                    + " (how late the generator sent against its schedule), " + STEP_PREFIX + "1 ...";
        }
        return model.scheduled()
                ? "untagged intervals: corrected latency (from the intended send time); tagged " + UNCORRECTED
                        + ": uncorrected (from the actual send); tagged " + SEND_LATENESS
                        + ": how late the generator sent against its schedule"
                : "untagged intervals: uncorrected latency (from the actual send; this model has no intended send"
                        + " times, so coordinated omission is not corrected)";
    }
}
