package io.reactorbench.scenarios.run;

import io.reactorbench.loadgen.Target;
import io.reactorbench.results.ProbeSample;
import io.reactorbench.results.ProbeSampleSum;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * K {@code serve} processes of one design that share one TCP port with SO_REUSEPORT (gnet's "prefork"), as one
 * server under test: the kernel spreads the cell's connections over them, and the cell's server is all of them. A
 * probe asks every process at once and sums their answers ({@link ProbeSampleSum}); the group is alive while every
 * process is; closing it stops them all together.
 *
 * <p>The first process binds port 0 and says which port it got; the others bind that port, all started at once.
 * When any of them fails to start, every one already started is stopped before the failure is reported, so a cell
 * never leaves a process behind.
 */
final class ServerGroup implements ServerUnderTest {

    /**
     * Starts member {@code index} (0 is the first) listening on {@code port} (0 for the first: any free port).
     * Fails with {@link CellFailure} when it does not come up, having stopped it.
     */
    @FunctionalInterface
    interface MemberStarter {
        JvmServer start(int index, int port) throws IOException;
    }

    private final List<JvmServer> members;
    /** Asks the members in parallel, so one sample is taken at nearly one instant and K slow answers do not add up. */
    private final ExecutorService askers = Executors.newVirtualThreadPerTaskExecutor();

    private ServerGroup(List<JvmServer> members) {
        this.members = List.copyOf(members);
    }

    static ServerGroup start(int processes, MemberStarter starter) throws IOException {
        if (processes < 2) {
            throw new IllegalArgumentException("a group has at least 2 processes, got " + processes);
        }
        JvmServer first = starter.start(0, 0);
        int port = first.target().inet().getPort();
        List<JvmServer> started = new ArrayList<>(List.of(first));
        List<String> failures = new ArrayList<>();
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JvmServer>> others = new ArrayList<>();
            for (int i = 1; i < processes; i++) {
                int index = i;
                others.add(starting.submit(() -> starter.start(index, port)));
            }
            for (int i = 0; i < others.size(); i++) {
                try {
                    JvmServer member = others.get(i).get(); // waits for every start, so none is left running unseen
                    started.add(member);
                    if (member.target().inet().getPort() != port) {
                        failures.add(which(i + 1, processes) + " bound port " + member.target().inet().getPort()
                                + ", not the group's " + port);
                    }
                } catch (ExecutionException e) {
                    failures.add(which(i + 1, processes) + ": " + e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add("interrupted while starting " + which(i + 1, processes));
                }
            }
        }
        ServerGroup group = new ServerGroup(started);
        if (!failures.isEmpty()) {
            group.close();
            throw new CellFailure(failures.getFirst());
        }
        return group;
    }

    /** "server process 2 of 3": members counted from 1, as their logs are named. */
    private static String which(int index, int processes) {
        return "server process " + (index + 1) + " of " + processes;
    }

    /** Where the first process listens: every member listens there. */
    @Override
    public Target target() {
        return members.getFirst().target();
    }

    /** The first process; {@link #processes()} has them all. */
    @Override
    public ProcessHandle process() {
        return members.getFirst().process();
    }

    @Override
    public List<ProcessHandle> processes() {
        return members.stream().map(JvmServer::process).toList();
    }

    @Override
    public boolean insideProbe() {
        return members.stream().allMatch(JvmServer::insideProbe);
    }

    @Override
    public ProbeSample probe(String label) {
        return ProbeSampleSum.of(askAll(member -> member.probe(label)));
    }

    /**
     * One process after the other, then one sample of all: 54 full collections at once on two cores stretched each
     * to ~3 s (measured at 750,000 connections), long enough to spill out of a ceiling step's settle pause into its
     * hold and time requests out; one at a time, each takes its own tens of milliseconds.
     */
    @Override
    public ProbeSample collectGarbageAndProbe(String label) {
        for (JvmServer member : members) {
            member.collectGarbageAndProbe(label);
        }
        return probe(label);
    }

    private List<ProbeSample> askAll(Function<JvmServer, ProbeSample> question) {
        List<Future<ProbeSample>> answers = members.stream().map(m -> askers.submit(() -> question.apply(m))).toList();
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            try {
                samples.add(answers.get(i).get());
            } catch (ExecutionException e) {
                throw new CellFailure("probing " + which(i, members.size()) + ": " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CellFailure("interrupted while probing the server processes");
            }
        }
        return samples;
    }

    @Override
    public boolean alive() {
        return members.stream().allMatch(JvmServer::alive);
    }

    /** Why the first process that stopped did, naming it; null while all run. */
    @Override
    public String exitReason() {
        for (int i = 0; i < members.size(); i++) {
            String reason = members.get(i).exitReason();
            if (reason != null) {
                return which(i, members.size()) + ": " + reason;
            }
        }
        return null;
    }

    /** Stops every member at once (each: end of input, SIGTERM, SIGKILL), so K grace periods do not add up. */
    @Override
    public void close() {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            members.forEach(member -> stopping.submit(member::close));
        }
        askers.shutdownNow();
    }
}
