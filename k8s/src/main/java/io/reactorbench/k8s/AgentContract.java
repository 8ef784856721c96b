package io.reactorbench.k8s;

import java.util.List;

/**
 * What the agent and the coordinator are told, and where the pod finds it: the command lines of issue 20's agent
 * contract, the files the pods mount and the one port. The manifests are built from these, and the end-to-end test
 * reads them back from the generated objects rather than from here.
 */
public final class AgentContract {

    /** The coordinator's port, in its container and on its Service. */
    public static final int COORDINATOR_PORT = 7700;
    /** The shared load options, one per line, as a picocli {@code @}-file. */
    public static final String LOAD_ARGS_PATH = "/etc/reactorbench/load.args";
    /** The ConfigMap key mounted (by subPath) at {@link #LOAD_ARGS_PATH}. */
    public static final String LOAD_ARGS_KEY = "load.args";
    /** The directory the token Secret is mounted at; its one key is {@link #TOKEN_KEY}. */
    public static final String TOKEN_DIR = "/etc/reactorbench/token";
    public static final String TOKEN_KEY = "token";
    public static final String TOKEN_PATH = TOKEN_DIR + "/" + TOKEN_KEY;
    /** The volume the coordinator writes its results directory into (an emptyDir, or the PVC given). */
    public static final String RESULTS_DIR = "/results";
    /** Set by the Job controller in every pod of an Indexed Job: the agent's shard index. */
    public static final String INDEX_ENV = "JOB_COMPLETION_INDEX";
    /** The executable the image puts on PATH (k8s/Dockerfile). */
    public static final String EXECUTABLE = "reactorbench";

    private AgentContract() {
    }

    /** {@code reactorbench load …} as agent {@code $JOB_COMPLETION_INDEX} of {@code agents}. */
    public static List<String> agentArgs(int agents, String coordinatorHost) {
        return List.of("load", "@" + LOAD_ARGS_PATH, "--shard-count", Integer.toString(agents),
                "--coordinator", coordinatorHost + ":" + COORDINATOR_PORT, "--token-file", TOKEN_PATH,
                // The target is another pod or a Service, never loopback.
                "--allow-remote");
    }

    /**
     * {@code reactorbench coordinate …} waiting for {@code agents}, listening on every address of its pod, writing
     * the run to {@link #resultsDir} (which must not exist yet: the coordinator writes it whole or not at all).
     */
    public static List<String> coordinatorArgs(int agents, String readyDeadline, String runName) {
        return List.of("coordinate", "@" + LOAD_ARGS_PATH, "--agents", Integer.toString(agents),
                "--listen", "0.0.0.0:" + COORDINATOR_PORT, "--token-file", TOKEN_PATH, "--out", resultsDir(runName),
                "--ready-deadline", readyDeadline);
    }

    /** The run's results directory inside the results volume, named after the run. */
    public static String resultsDir(String runName) {
        return RESULTS_DIR + "/" + runName;
    }
}
