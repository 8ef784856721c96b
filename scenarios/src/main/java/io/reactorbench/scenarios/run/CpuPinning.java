package io.reactorbench.scenarios.run;

import io.reactorbench.results.Pinning;
import io.reactorbench.scenarios.suite.CpuSets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pins children to CPUs with {@code taskset -c}, decided once per run: when taskset is missing or refuses
 * the asked CPUs (a container with fewer cores), children run unpinned and the results say so
 * ({@code pinning.applied = false} with a note), rather than the run failing.
 */
public final class CpuPinning {

    private final CpuSets cpus;
    private final boolean applied;
    private final String note;

    private CpuPinning(CpuSets cpus, boolean applied, String note) {
        this.cpus = cpus;
        this.applied = applied;
        this.note = note;
    }

    public static CpuPinning decide(CpuSets cpus) {
        if (!cpus.pinned()) {
            return new CpuPinning(cpus, false, "pinning turned off by the suite (cpus: none)");
        }
        for (String list : new String[] {cpus.server(), cpus.load()}) {
            if (list == null) {
                continue;
            }
            String problem = tryTaskset(list);
            if (problem != null) {
                return new CpuPinning(cpus, false, "running unpinned: " + problem);
            }
        }
        return new CpuPinning(cpus, true, null);
    }

    /** Null when {@code taskset -c <list> true} works, otherwise why not. */
    private static String tryTaskset(String list) {
        try {
            Process check = new ProcessBuilder("taskset", "-c", list, "true").redirectErrorStream(true).start();
            if (!check.waitFor(5, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return "taskset did not answer within 5 s";
            }
            String output = new String(check.getInputStream().readAllBytes()).trim();
            return check.exitValue() == 0 ? null
                    : "taskset -c " + list + " failed: " + (output.isEmpty() ? "exit " + check.exitValue() : output.lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            return "taskset not found (install util-linux to pin server and load to their own CPUs)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking taskset";
        }
    }

    public List<String> serverPrefix() {
        return prefix(cpus.server());
    }

    public List<String> loadPrefix() {
        return prefix(cpus.load());
    }

    private List<String> prefix(String list) {
        List<String> prefix = new ArrayList<>();
        if (applied && list != null) {
            prefix.addAll(List.of("taskset", "-c", list));
        }
        return prefix;
    }

    /**
     * CPUs the load generator can run on: the size of its pinned set when pinning applies, else the CPUs this
     * JVM sees (the runner is not pinned, so that is the machine's).
     */
    public int loadCpuCount() {
        if (applied && cpus.load() != null) {
            int count = count(cpus.load());
            if (count > 0) {
                return count;
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** CPUs in a taskset list ("1", "0-3", "0,2-3"); 0 when it cannot be read. */
    static int count(String list) {
        int count = 0;
        try {
            for (String part : list.split(",")) {
                String[] range = part.trim().split("-");
                int first = Integer.parseInt(range[0].trim());
                count += range.length == 1 ? 1 : Integer.parseInt(range[1].trim()) - first + 1;
            }
        } catch (RuntimeException unreadable) {
            return 0;
        }
        return count;
    }

    public Pinning describe() {
        return new Pinning(cpus.server(), cpus.load(), applied, note);
    }

    public boolean applied() {
        return applied;
    }

    public String note() {
        return note;
    }
}
