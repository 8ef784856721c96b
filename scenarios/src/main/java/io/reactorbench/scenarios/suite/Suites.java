package io.reactorbench.scenarios.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds a suite by built-in name ({@code smoke}, {@code standard}, {@code connections}) or by path. */
public final class Suites {

    /** The suites shipped in {@code scenarios/src/main/resources/suites/}. */
    public static final List<String> BUILT_IN = List.of("smoke", "standard", "connections", "engine-vs-netty", "million");

    private Suites() {
    }

    /** A path to a YAML file wins over a built-in name, so a user's {@code smoke.yaml} is never shadowed. */
    public static Suite load(String nameOrPath) {
        SuiteText found = find(nameOrPath);
        return SuiteParser.parse(found.source(), found.text());
    }

    /**
     * Loads a suite with {@code --set} overrides applied to its YAML before validation, so an override is checked
     * exactly as the same line in the file would be.
     */
    public static SuiteOverrides.Applied load(String nameOrPath, SuiteOverrides overrides) {
        SuiteText found = find(nameOrPath);
        return overrides.applyTo(found.source(), found.text());
    }

    private record SuiteText(String source, String text) {
    }

    private static SuiteText find(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            try {
                return new SuiteText(path.toString(), Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read suite " + path + ": " + e.getMessage(), e);
            }
        }
        if (BUILT_IN.contains(nameOrPath)) {
            return new SuiteText("builtin:" + nameOrPath + ".yaml", builtInText(nameOrPath));
        }
        throw new IllegalArgumentException("no suite '" + nameOrPath + "': not a file, and not a built-in suite ("
                + String.join(", ", BUILT_IN) + ")");
    }

    /** The YAML text of a built-in suite, e.g. to copy it as a starting point. */
    public static String builtInText(String name) {
        try (InputStream in = Suites.class.getResourceAsStream("/suites/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in suite '" + name + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
