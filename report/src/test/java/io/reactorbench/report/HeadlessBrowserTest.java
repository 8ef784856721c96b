package io.reactorbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the fixture report in a real headless Chromium and checks that it renders a screenshot. Skipped,
 * with the reason printed, where no Chromium is installed (Debian: {@code apt-get install chromium}).
 */
@Timeout(180)
class HeadlessBrowserTest {

    static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    static final long BROWSER_TIMEOUT_SECONDS = 90;

    @TempDir
    Path temp;

    @Test
    void shouldRenderTheReportInAHeadlessBrowser() throws Exception {
        Optional<Path> browser = findBrowser();
        if (browser.isEmpty()) {
            System.out.println("HeadlessBrowserTest skipped: none of " + BROWSERS + " is on the PATH");
        }
        assumeTrue(browser.isPresent(), "no headless browser installed");
        Path index = HtmlReport.write(Fixture.copyTo(temp.resolve("run")));
        Path screenshot = temp.resolve("page.png");
        Process process = new ProcessBuilder(browser.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1200,4000", "--screenshot=" + screenshot, index.toUri().toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("browser.log").toFile()).start();
        boolean finished = process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("browser finished").isTrue();
        assertThat(ImageIO.read(screenshot.toFile())).as("screenshot of the report").isNotNull();
    }

    private static Optional<Path> findBrowser() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).flatMap(dir -> BROWSERS.stream().map(b -> Path.of(dir, b)))
                .filter(Files::isExecutable).findFirst();
    }
}
