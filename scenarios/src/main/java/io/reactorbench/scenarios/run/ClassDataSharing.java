package io.reactorbench.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dynamic class-data-sharing archive per child role, so every server and load JVM after the first starts
 * from pre-parsed classes: a suite starts two JVMs per cell, and on a small machine their start-up would
 * otherwise cost more than the measured windows. The JVM validates an archive against the class path and
 * rebuilds it on exit when stale ({@code -XX:+AutoCreateSharedArchive}); one archive per role, because a
 * server and a load JVM run at the same time and must not write one file together. Turn off with
 * {@code -Dreactorbench.cds=false}; off by itself when the class path holds directories (tests).
 */
final class ClassDataSharing {

    private final Path dir;
    private final boolean usable;

    ClassDataSharing(Path dir, Launcher launcher) {
        this.dir = dir;
        this.usable = launcher.jarsOnly() && Boolean.parseBoolean(System.getProperty("reactorbench.cds", "true"));
    }

    /** JVM options for a child of the given role ({@code server}, {@code load}); empty when turned off. */
    List<String> options(String role) {
        if (!usable) {
            return List.of();
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return List.of(); // a read-only results parent: start without the archive
        }
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dir.resolve(role + ".jsa"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
