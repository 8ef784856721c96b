package io.reactorbench.scenarios.run;

import io.reactorbench.results.Environment;
import io.reactorbench.results.Pinning;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Describes the machine and software of a run for {@code run.json}. Every probe degrades to null, never fails. */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    public static Environment describe(List<String> serverJvmOptions, Pinning pinning) {
        FdLimits fds = FdLimits.current();
        return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                serverJvmOptions, fds.soft() < 0 ? null : fds.soft(), hostname(), gitCommit(), pinning);
    }

    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    /** The commit of the reactorbench checkout the launcher ran from ({@code reactorbench.home}), or null. */
    private static String gitCommit() {
        String home = System.getProperty("reactorbench.home", ".");
        try {
            Process git = new ProcessBuilder("git", "-C", home, "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
