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
                    .getDeclaredMethod("renderAtExit", String.class, String.class, String.class, String.class, String.class);
            render.setAccessible(true);
            String module = root.resolve("module-01-empty").toString();

            String full = (String) render.invoke(null, root.toString(), module, module, module, null);
            String limited = (String) render.invoke(null, root.toString(), module, module, module, "1.1");

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

        ResultsRecorder.forgetEarlierResults(results);

        try (var left = Files.list(results)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void theBoardIsToldHowFarEachModuleGot(@TempDir Path root) throws Exception {
        Path module = FakeModules.write(root, "module-07-sample", FakeModules.TwoExercises.class);
        String dir = module.toString();

        // The build of module-07 starts: an earlier run's stamp is removed.
        Path stamp = module.resolve(ResultsRecorder.RESULTS_FOLDER).resolve(ResultsRecorder.TESTS_RAN);
        Files.writeString(stamp, "");
        String started = System.getProperty(ScoreboardAtExit.MODULES);
        try {
            System.setProperty(ScoreboardAtExit.SKIP, "false");
            System.setProperty(ScoreboardAtExit.MODULES, dir);
            ScoreboardAtExit.main(new String[] {dir});
            assertThat(stamp).doesNotExist();
            assertThat(module.resolve(ResultsRecorder.RESULTS_FOLDER).resolve(ResultsRecorder.FORGET))
                    .as("a full build asks its test run to forget the earlier results").exists();

            assertThat(ScoreboardAtExit.renderAtExit(root.toString(), dir, "", "", null)).contains("DID NOT COMPILE");
            assertThat(ScoreboardAtExit.renderAtExit(root.toString(), dir, dir, dir, null)).contains("No test ran in this build")
                    .doesNotContainIgnoringCase("did not compile");
            Files.writeString(stamp, "");
            assertThat(ScoreboardAtExit.renderAtExit(root.toString(), dir, dir, dir, null)).contains("[ -- ] 7.1");
        } finally {
            System.clearProperty(ScoreboardAtExit.SKIP);
            if (started == null) {
                System.clearProperty(ScoreboardAtExit.MODULES);
            } else {
                System.setProperty(ScoreboardAtExit.MODULES, started);
            }
        }
    }
}
