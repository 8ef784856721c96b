package io.reactorbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code reactorbench serve} in a child JVM on the test class path, as the scenario runner does. */
final class ServeChild {

    private ServeChild() {
    }

    static Process start(String... serveArgs) throws IOException {
        return start(ProcessBuilder.Redirect.PIPE, serveArgs);
    }

    static Process start(ProcessBuilder.Redirect stdin, String... serveArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "serve"));
        command.addAll(List.of(serveArgs));
        return new ProcessBuilder(command).redirectInput(stdin).start();
    }
}
