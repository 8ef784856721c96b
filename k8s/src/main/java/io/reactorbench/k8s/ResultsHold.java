package io.reactorbench.k8s;

import java.util.List;

/**
 * The coordinator's container command. {@code kubectl cp} reads files through a running container, and an emptyDir
 * goes with its pod: so after the run the container stays up for the hold, then exits with the coordinator's own exit
 * code (the Job's success or failure is the run's).
 */
public final class ResultsHold {

    /** Ten minutes to copy the results of an emptyDir. */
    public static final long DEFAULT_SECONDS = 600;

    private ResultsHold() {
    }

    static List<String> command(long holdSeconds, String runName) {
        if (holdSeconds == 0) {
            return List.of(AgentContract.EXECUTABLE);
        }
        String dir = AgentContract.resultsDir(runName);
        String script = AgentContract.EXECUTABLE + " \"$@\"; status=$?; echo \"results kept " + holdSeconds
                + " s: kubectl cp $(hostname):" + dir + " ./" + runName + "\"; sleep " + holdSeconds + "; exit $status";
        return List.of("sh", "-c", script, AgentContract.EXECUTABLE);
    }
}
