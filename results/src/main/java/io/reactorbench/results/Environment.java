package io.reactorbench.results;

import java.util.List;

/**
 * The machine and software a run was measured on: enough to tell two runs apart when their numbers differ.
 *
 * @param cores      processors available to the runner JVM
 * @param jvmOptions JVM options given to every server JVM (besides the suite's per-design ones)
 * @param fdLimit    soft limit of open files of the runner (servers and load inherit it)
 * @param gitCommit  commit of reactorbench that produced the run, or null when unknown
 */
public record Environment(
        String cpuModel,
        int cores,
        String kernel,
        String os,
        String jdk,
        List<String> jvmOptions,
        Long fdLimit,
        String hostname,
        String gitCommit,
        Pinning pinning) {

    public Environment {
        jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
    }
}
