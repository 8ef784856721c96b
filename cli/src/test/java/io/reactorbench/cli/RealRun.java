package io.reactorbench.cli;

import io.reactorbench.scenarios.run.Launcher;
import io.reactorbench.scenarios.run.SigintCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * {@code reactorbench run} in this JVM with the real {@code serve} and {@code load} as child JVMs of this build, for
 * the end-to-end tests of suites under {@code src/test/resources/suites}: one way to start it, to copy a suite out
 * of the test resources, and to find the children it must not leave behind.
 */
final class RealRun {

    private RealRun() {
    }

    /** Runs {@code suite} into {@code runs} and returns the exit code. */
    static int run(Path suite, Path runs) {
        RunCommand command = new RunCommand();
        command.launcher = Launcher.fromClassPath(ProcessHandle.current().info().command().orElseThrow(),
                System.getProperty("java.class.path"), Main.class.getName());
        return new CommandLine(command).execute(suite.toString(), "--out", runs.toString());
    }

    /** Copies test resource {@code /suites/<name>} into {@code dir}; returns the copy. */
    static Path copySuite(String name, Path dir) throws IOException {
        Path suite = dir.resolve(name);
        try (InputStream in = RealRun.class.getResourceAsStream("/suites/" + name)) {
            Files.write(suite, in.readAllBytes());
        }
        return suite;
    }

    /** Live JVMs of this build (its class path in their command line) whose whole command line matches. */
    static List<ProcessHandle> childrenOfThisBuild(Predicate<String> commandLine) {
        String classPath = System.getProperty("java.class.path");
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> {
                    String line = SigintCheck.commandLine(p);
                    return line.contains(classPath) && commandLine.test(line);
                }).toList();
    }
}
