package io.reactorbench.cli;

import io.reactorbench.report.Fixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the report and compare command tests: the report module's fixture run, read from the classpath (report's
 * test-jar, a test-scoped dependency of this module) and copied to a temp directory, and a way to run a command
 * while capturing its output. A fixture that is not there fails the test: nothing is skipped.
 */
final class ReportCliFixture {

    /** The fixture run's directory and the JMH result file, as report's test resources name them. */
    private static final String FIXTURE_RUN = "fixture-run";
    private static final String FIXTURE_JMH = "jmh/jmh-result.json";

    private ReportCliFixture() {
    }

    /** The outcome of one command line: exit code and what it printed. */
    record Outcome(int exitCode, String out, String err) {
    }

    /** Copies the fixture run into {@code target} (created) and returns it. */
    static Path copyRun(Path target) {
        // run.json marks the run directory; the test-jar holds it as a jar entry (verify), a plain build of the
        // reactor as a file under report/target/test-classes (test).
        URL runJson = resource(FIXTURE_RUN + "/run.json");
        try {
            if (runJson.getProtocol().equals("jar")) {
                Path jar = Path.of(((JarURLConnection) runJson.openConnection()).getJarFileURL().toURI());
                try (FileSystem jarFiles = FileSystems.newFileSystem(jar)) {
                    Fixture.copyTree(jarFiles.getPath("/" + FIXTURE_RUN), target);
                }
            } else {
                Fixture.copyTree(Path.of(runJson.toURI()).getParent(), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }

    /** Copies the fixture JMH result file to {@code target}. */
    static void copyJmh(Path target) throws IOException {
        try (InputStream in = resource(FIXTURE_JMH).openStream()) {
            Files.copy(in, target);
        }
    }

    private static URL resource(String name) {
        URL url = ReportCliFixture.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("report fixture " + name + " is not on the test classpath (report's"
                    + " test-jar, from report/src/test/resources)");
        }
        return url;
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
