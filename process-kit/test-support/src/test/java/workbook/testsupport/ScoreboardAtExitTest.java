package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ScoreboardAtExitTest {

    @Test
    void theBoardRendersWithNothingButTheKitOnTheClassPath(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("module-01-empty"));
        URL kit = ScoreboardAtExit.class.getProtectionDomain().getCodeSource().getLocation();

        // As in Maven's JVM at exit: a fresh loader with the kit alone, no JUnit, no AssertJ.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {kit}, ClassLoader.getPlatformClassLoader())) {
            Method render = loader.loadClass(ScoreboardAtExit.class.getName())
                    .getDeclaredMethod("renderAtExit", String.class, String.class, String.class);
            render.setAccessible(true);

            String full = (String) render.invoke(null, root.toString(), root.resolve("module-01-empty").toString(), null);
            String limited = (String) render.invoke(null, root.toString(), root.resolve("module-01-empty").toString(), "1.1");

            assertThat(full).contains("module-01-empty").endsWith("Workbook progress: 0/0 points, 0/0 exercises complete" + System.lineSeparator());
            assertThat(limited).contains("this run: exercise 1.1 only");
        }
    }

    @Test
    void aFullRunForgetsEarlierResultsOfTheModule(@TempDir Path module) throws IOException {
        Path results = Files.createDirectories(module.resolve(ResultsRecorder.RESULTS_FOLDER));
        Files.writeString(results.resolve("a.OldHiddenTest.tsv"), TestRecord.HEADER + "\n");
        Files.writeString(results.resolve("a.OldHiddenTest" + StudentCode.WHERE_SUFFIX), "");
        Files.writeString(results.resolve("notes.txt"), "not ours");

        ScoreboardAtExit.forgetEarlierResults(module);

        try (var left = Files.list(results)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }
}
