package io.reactorbench.scenarios.run;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start another {@code reactorbench} JVM (a server or the load generator): the same java binary as
 * this process, and either the same jar ({@code -jar reactorbench.jar}) or, when running from classes (tests,
 * IDE), the same class path with the main class named. The main class is the caller's (the CLI's): this module
 * starts it, but does not know it.
 *
 * @param java      path of the java executable
 * @param classArgs {@code [-jar, <jar>]} or {@code [-cp, <class path>, <main class>]}
 */
public record Launcher(String java, List<String> classArgs) {

    public Launcher {
        Objects.requireNonNull(java, "java");
        classArgs = List.copyOf(classArgs);
    }

    /** The launcher of this very process, whose entry point is {@code mainClass} when it runs from classes. */
    public static Launcher current(String mainClass) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path codeSource = codeSource();
        if (codeSource != null && Files.isRegularFile(codeSource) && codeSource.toString().endsWith(".jar")
                && Path.of(System.getProperty("java.class.path", "")).toAbsolutePath().equals(codeSource.toAbsolutePath())) {
            return new Launcher(java, List.of("-jar", codeSource.toString()));
        }
        return fromClassPath(java, System.getProperty("java.class.path"), mainClass);
    }

    /** The given java and class path, entering at {@code mainClass}. */
    public static Launcher fromClassPath(String java, String classPath, String mainClass) {
        return new Launcher(java, List.of("-cp", classPath, mainClass));
    }

    /**
     * Whether every class path entry is a jar: class-data-sharing archives cannot be used with directories on
     * the class path (tests and IDE runs), only with jars (the shipped {@code reactorbench.jar}).
     */
    public boolean jarsOnly() {
        String path = classArgs.get(1); // the jar after -jar, or the class path after -cp
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !entry.endsWith(".jar")) {
                return false;
            }
        }
        return true;
    }

    /** {@code java <jvmOptions> <classArgs> <args>}. */
    public List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(classArgs);
        command.addAll(args);
        return command;
    }

    private static Path codeSource() {
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
