package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class report renders in a real browser, from disk, with the network switched off: headless
 * Chromium (Debian's package {@code chromium}) loads it, and what it rendered holds the chart and the
 * tables. Skipped where no Chromium is installed. {@code -Dworkbook.report.screenshot=FILE} keeps a
 * screenshot, for a person to look at.
 */
@Timeout(180)
class ClassReportInBrowserTest {

    @TempDir
    Path dir;

    @Test
    void headlessChromiumRendersTheReportFromDisk() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no chromium on the PATH: the report is not opened in a browser");
        List<SubmissionResult> results = ClassFixtures.sevenSubmissions();
        ClassResults.of(Shard.ALL, results.size(), IntStream.range(0, results.size()).boxed().toList(), results).publish(dir);
        Path report = dir.resolve("report.html");
        Path screenshot = Path.of(System.getProperty("workbook.report.screenshot", dir.resolve("report.png").toString())).toAbsolutePath();

        String dom = run(chromium.get(), "--dump-dom", report);
        run(chromium.get(), "--screenshot=" + screenshot, report);

        assertThat(dom).contains("<svg").contains("Class report").contains("Submissions to look at")
                .contains("carol, \"the\" &lt;script&gt;");
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private String run(Path chromium, String what, Path report) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1200,1600", what, report.toUri().toString()));
        Path output = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Process browser = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(browser.waitFor(150, TimeUnit.SECONDS)).as("chromium ended within 150 s").isTrue();
        } finally {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
        }
        assertThat(browser.exitValue()).as("chromium's exit status").isZero();
        return Files.readString(output);
    }

    private static Optional<Path> chromium() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
