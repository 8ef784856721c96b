package io.reactorbench.report.model;

/** Where a run ran, as run.json's {@code environment} says; empty strings where a field is missing. */
public record Environment(String cpuModel, int cores, String kernel, String os, String jdk, String jvmOptions,
                          long fdLimit, String hostname, String gitCommit, String pinningServer,
                          String pinningLoad, boolean pinningApplied, String pinningNote) {
}
