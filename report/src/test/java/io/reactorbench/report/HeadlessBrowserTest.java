package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report of the fixture with a saturated load generator in a real headless Chromium: the page the
 * browser builds must carry the client-bound mark and legend, and its screenshot must not be blank. Skipped,
 * with the reason printed, only where no Chromium is installed (Debian: {@code apt-get install chromium};
 * {@code .ci/run} installs it, so in CI it runs).
 */
@Timeout(240)
class HeadlessBrowserTest {

    /** Debian installs /usr/bin/chromium; the PATH of a test JVM is not always the shell's, so look there too. */
    static final List<Path> KNOWN_LOCATIONS = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"));
    static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    static final long BROWSER_TIMEOUT_SECONDS = 120;

    @TempDir
    static Path temp;

    static Path index;

    @BeforeAll
    static void renderReport() {
        index = HtmlReport.write(Fixture.copyWithSaturatedClient(temp.resolve("run")));
    }

    @Test
    void shouldShowTheClientBoundMarkInTheRenderedPage() throws Exception {
        Path browser = browserOrSkip();
        Path dom = temp.resolve("dom.html");
        runBrowser(browser, dom, "--dump-dom", index.toUri().toString());
        assertThat(Files.readString(dom)).contains("10,000 !", "! load generator saturated: throughput is bounded by the client");
    }

    @Test
    void shouldRenderANonBlankScreenshot() throws Exception {
        Path browser = browserOrSkip();
        Path screenshot = temp.resolve("page.png");
        runBrowser(browser, temp.resolve("screenshot.log"), "--hide-scrollbars", "--window-size=1200,2400",
                "--screenshot=" + screenshot, index.toUri().toString());
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("screenshot of the report").isNotNull();
        assertThat(distinctColours(image)).as("colours in the screenshot (a blank page has one)").isGreaterThan(10);
    }

    /**
     * Runs Chromium once, headless, with a fresh profile and without the background services that would reach
     * the network; its stdout (the DOM for --dump-dom) goes to {@code output}.
     */
    static void runBrowser(Path browser, Path output, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(temp, "chromium-profile")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(output.resolveSibling(output.getFileName() + ".stderr").toFile()).start();
        boolean finished = process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(finished).as("browser finished within " + BROWSER_TIMEOUT_SECONDS + " s").isTrue();
    }

    static Path browserOrSkip() {
        Optional<Path> browser = findBrowser();
        if (browser.isEmpty()) {
            System.out.println("HeadlessBrowserTest skipped: none of " + KNOWN_LOCATIONS + " exists and none of "
                    + BROWSERS + " is on the PATH");
        }
        assumeTrue(browser.isPresent(), "no headless browser installed");
        return browser.get();
    }

    static Optional<Path> findBrowser() {
        String path = System.getenv().getOrDefault("PATH", "");
        Stream<Path> onPath = Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> BROWSERS.stream().map(b -> Path.of(dir, b)));
        return Stream.concat(KNOWN_LOCATIONS.stream(), onPath).filter(Files::isExecutable).findFirst();
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
