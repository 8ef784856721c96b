package io.reactorbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The committed fixture run, copied to a fresh directory so a test can write its report beside it. Public for
 * cli's tests, which get it through report's test-jar and copy it with {@link #copyTree} as well.
 */
public final class Fixture {

    static final Path SOURCE = Path.of("src/test/resources/fixture-run");

    private Fixture() {
    }

    static Path copyTo(Path target) {
        return copyTree(SOURCE, target);
    }

    /**
     * Writes a load generator that used {@code utilisation} (0–1) of its one CPU into a trial's summary.json, as
     * the runner does from load.json; at 0.9 and above the console and the report call the cell client-bound.
     */
    static void loadGeneratorUsed(Path summary, double utilisation) {
        try {
            String json = Files.readString(summary);
            Files.writeString(summary, json.replace("\"connectionsPerSecond\" : null", "\"connectionsPerSecond\" : null,"
                    + " \"loadGenerator\" : {\"cpuSeconds\" : " + utilisation * 10 + ", \"cpusUsed\" : " + utilisation
                    + ", \"threads\" : 1, \"cpusAvailable\" : 1, \"perThreadUtilisation\" : " + utilisation
                    + ", \"utilisation\" : " + utilisation + ", \"saturated\" : " + (utilisation >= 0.9) + "}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with engine-nio's echo-open load generator saturated (97 %) and netty-epoll's not (40 %). */
    static Path copyWithSaturatedClient(Path target) {
        Path run = copyTo(target);
        for (String trial : java.util.List.of("trial-1", "trial-2")) {
            loadGeneratorUsed(run.resolve("echo-open/engine-nio/" + trial + "/summary.json"), 0.97);
            loadGeneratorUsed(run.resolve("echo-open/netty-epoll/" + trial + "/summary.json"), 0.40);
        }
        return run;
    }

    /** Copies the directory tree {@code source} (of any file system, a jar's too) into {@code target}. */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
