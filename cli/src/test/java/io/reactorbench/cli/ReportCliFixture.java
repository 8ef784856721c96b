package io.reactorbench.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * For the report and compare command tests: the report module's fixture run (found in the source tree
 * beside this module) copied to a temp directory, and a way to run a command while capturing its output.
 */
final class ReportCliFixture {

    static final Path FIXTURE_RUN = Path.of("../report/src/test/resources/fixture-run");
    static final Path FIXTURE_JMH = Path.of("../report/src/test/resources/jmh/jmh-result.json");

    private ReportCliFixture() {
    }

    /** The outcome of one command line: exit code and what it printed. */
    record Outcome(int exitCode, String out, String err) {
    }

    static Path copyRun(Path target) {
        assumeTrue(Files.isDirectory(FIXTURE_RUN), "report fixture not found at " + FIXTURE_RUN.toAbsolutePath());
        try (Stream<Path> files = Files.walk(FIXTURE_RUN)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(FIXTURE_RUN.relativize(file).toString());
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

    static Outcome execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = Main.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
