package io.reactorbench.cli;

import io.reactorbench.loadgen.LoadOutputs;
import io.reactorbench.loadgen.LoadRun;
import io.reactorbench.loadgen.LoadSpec;
import io.reactorbench.loadgen.coordinator.AgentToken;
import io.reactorbench.loadgen.coordinator.ClockSample;
import io.reactorbench.loadgen.coordinator.CoordinatorLink;
import io.reactorbench.results.load.LoadJson;
import io.reactorbench.results.load.LoadResult;
import io.reactorbench.wire.spi.HostPort;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code load --coordinator HOST:PORT}: this process is agent i of K of a coordinated load. Its share is
 * {@code --shard i/K}, or {@code --shard-count K} with i from {@value #INDEX_VARIABLE} (a Kubernetes Indexed Job's
 * pod index). It registers, waits for the coordinator's start (it sends nothing to the server before), streams its
 * intervals, sends its result and exits 0; when the coordinator goes away it stops its load and exits 1 with one line.
 * Thresholds are the coordinator's to judge, on the merged run: an agent's own would judge a share.
 */
final class CoordinatedAgent {

    /** Where a Kubernetes Indexed Job puts each pod's index. */
    static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
    /** How long an agent keeps trying to reach a coordinator that is not listening yet (pods start in any order). */
    static final long REACH_WITHIN_MS = TimeUnit.SECONDS.toMillis(120);

    private final LoadCommand options;

    CoordinatedAgent(LoadCommand options) {
        this.options = options;
    }

    int run(LoadSpec whole, LoadOutputs outputs) throws Exception {
        if (options.coordinator == null) {
            throw new UserError("--token-file and --shard-count are for an agent of a coordinated load: give"
                    + " --coordinator HOST:PORT too");
        }
        if (options.tokenFile == null) {
            throw new UserError("--coordinator needs --token-file FILE (the file holding the run's token)");
        }
        if (options.agents > 1 || options.startBarrier != null) {
            throw new UserError("--coordinator excludes --agents and --start-barrier (the coordinator starts the"
                    + " agents)");
        }
        if (whole.ceiling() != null || whole.sweep() != null) {
            throw new UserError("the " + whole.model().id() + " model cannot run under a coordinator (its steps need"
                    + " the whole load's verdict between them); run it with load --agents K on one machine");
        }
        int[] share = share();
        AgentToken token = token();
        HostPort address;
        try {
            address = HostPort.parse(options.coordinator);
        } catch (IllegalArgumentException e) {
            throw new UserError("bad --coordinator '" + options.coordinator + "' (" + e.getMessage() + ")");
        }
        LoadSpec mine;
        try {
            mine = whole.forShard(share[0], share[1]);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        String me = "agent " + share[0] + " of " + share[1];
        if (!options.thresholds.isEmpty()) {
            System.err.println("load: " + me + ": --threshold is judged once by the coordinator, on the merged run");
        }
        CoordinatorLink link;
        try {
            link = CoordinatorLink.register(address, token, share[0], share[1], whole.fingerprint(), REACH_WITHIN_MS,
                    ClockSample::nowUs);
        } catch (CoordinatorLink.RefusedException e) {
            throw new UserError(e.getMessage());
        } catch (CoordinatorLink.LostException e) {
            throw new UserError(e.getMessage(), Main.EXIT_CHECK_FAILED);
        }
        try (link) {
            System.err.printf(Locale.ROOT, "load: %s registered with the coordinator at %s (clock offset %+.3f ms)%n",
                    me, options.coordinator, link.clockOffsetMs());
            LoadRun run = new LoadRun(mine, outputs, link.startGate()).intervalSink(link.intervals());
            link.onLost(run::requestStop);
            LoadResult result;
            try {
                result = run.executeStoppingOnSignal();
            } catch (CoordinatorLink.LostException e) {
                throw new UserError(e.getMessage() + "; no load was sent", Main.EXIT_CHECK_FAILED);
            }
            if (link.lostReason() != null) {
                throw new UserError(link.lostReason() + ": stopped the load", Main.EXIT_CHECK_FAILED);
            }
            link.sendResult(result);
            if (LoadOptionChecks.isStdout(options.json)) {
                System.out.println(LoadJson.toJson(result));
            }
            return Main.EXIT_OK;
        }
    }

    /** i and K: from --shard i/K, or --shard-count K and the pod's index. */
    private int[] share() {
        if (options.shard != null && options.shardCount != null) {
            throw new UserError("give --shard i/K or --shard-count K, not both");
        }
        if (options.shard != null) {
            return LoadCommand.parseShard(options.shard);
        }
        if (options.shardCount == null) {
            throw new UserError("--coordinator needs this agent's share: --shard i/K, or --shard-count K with "
                    + INDEX_VARIABLE + " set");
        }
        String index = System.getenv(INDEX_VARIABLE);
        if (index == null || index.isBlank()) {
            throw new UserError("--shard-count takes this agent's index from " + INDEX_VARIABLE + ", which is not set"
                    + " (or give --shard i/K)");
        }
        return LoadCommand.parseShard(index.strip() + "/" + options.shardCount);
    }

    private AgentToken token() {
        try {
            return AgentToken.read(options.tokenFile);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
