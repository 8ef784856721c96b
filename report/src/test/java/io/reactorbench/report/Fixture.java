package io.reactorbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The committed fixture run, copied to a fresh directory so a test can write its report beside it. */
final class Fixture {

    static final Path SOURCE = Path.of("src/test/resources/fixture-run");

    private Fixture() {
    }

    static Path copyTo(Path target) {
        return copyTree(SOURCE, target);
    }

    static Path copyTree(Path source, Path target) {
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
