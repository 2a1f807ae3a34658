package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import workbook.process.JvmProcess;

/** Runs a small test class through a real launcher with the recorder attached, and reads what it wrote. */
class ResultsRecorderTest {

    @Exercise("9.1")
    static class SampleTest {
        @Test
        void passes() {
        }

        @Test
        void failsWithHalfAnEmoji() {
            // A message cut in the middle of a surrogate pair, as truncated random text can be.
            throw new AssertionError("expected a reply to '" + "ok😀".substring(0, 3) + "'");
        }
    }

    @Exercise("9.2")
    static class OtherSampleTest {
        @Test
        void passes() {
        }
    }

    @Test
    void recordsEveryResultEvenWhenTheMessageCannotBeEncoded(@TempDir Path module) {
        run(SampleTest.class, module);

        List<TestRecord> records = ModuleScore.readResults(module);
        assertThat(records).extracting(TestRecord::exercise).containsOnly("9.1");
        assertThat(records).extracting(TestRecord::status)
                .containsExactlyInAnyOrder(TestRecord.Status.PASSED, TestRecord.Status.FAILED);
        assertThat(records).filteredOn(r -> r.status() == TestRecord.Status.FAILED)
                .singleElement().satisfies(r -> assertThat(r.message()).contains("expected a reply to 'ok"));
    }

    @Test
    void aFailureShowsTheAssertionsRuleThenWhatWasExpectedAndWhatCame() {
        assertThat(ResultsRecorder.firstLine(new AssertionError("[the launcher is this JVM's] \nexpected: \"a\"\n but was: \"b\"\nat line 3")))
                .as("a description on a line of its own is followed by the two lines that say what was expected and what came")
                .isEqualTo("AssertionError: [the launcher is this JVM's] expected: \"a\" but was: \"b\"");
        assertThat(ResultsRecorder.firstLine(new AssertionError("[a blank name is rejected] \nExpecting code to raise a throwable.")))
                .isEqualTo("AssertionError: [a blank name is rejected] Expecting code to raise a throwable.");
        assertThat(ResultsRecorder.firstLine(new IllegalStateException("child 42 was still alive\nmore detail")))
                .as("any other message: its first line only")
                .isEqualTo("IllegalStateException: child 42 was still alive");
        assertThat(ResultsRecorder.firstLine(new NullPointerException())).isEqualTo("NullPointerException: null");
    }

    @Test
    void aFullBuildForgetsTheEarlierResultsOnceAlthoughEachTestJvmStartsAPlanPerClass(@TempDir Path module) throws IOException {
        Path folder = Files.createDirectories(module.resolve(ResultsRecorder.RESULTS_FOLDER));
        Files.writeString(folder.resolve("workbook.gone.RenamedTest.tsv"), TestRecord.HEADER + "\n");
        Files.writeString(folder.resolve(ResultsRecorder.FORGET), "");

        run(SampleTest.class, module); // the first class of one test JVM
        run(OtherSampleTest.class, module); // the first class of another, started a moment later

        assertThat(ModuleScore.readResults(module)).extracting(TestRecord::exercise)
                .as("the earlier run's results are gone, and each test JVM's results of this run are kept")
                .containsExactlyInAnyOrder("9.1", "9.1", "9.2");
    }

    @Test
    void aTestJvmWaitsForTheOneStartingAPlanBeforeItWritesAnything(@TempDir Path module) throws Exception {
        Path folder = Files.createDirectories(module.resolve(ResultsRecorder.RESULTS_FOLDER));
        Path locked = module.resolve("locked");
        String lock = folder.resolve(ResultsRecorder.LOCK).toString();
        String marker = locked.toString();
        JvmProcess other = new JvmProcess("holds-the-results-lock", () -> holdTheLock(lock, marker));
        other.start();
        try {
            Awaitility.await("the other JVM holds the lock").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(locked));
            CompletableFuture<Void> plan = CompletableFuture.runAsync(() -> run(OtherSampleTest.class, module));
            Thread.sleep(500);
            assertThat(ModuleScore.readResults(module)).as("nothing is written while another JVM holds the lock").isEmpty();
            assertThat(plan).isNotDone();

            other.kill();
            other.join();
            plan.get(30, TimeUnit.SECONDS);
            assertThat(ModuleScore.readResults(module)).extracting(TestRecord::exercise).containsExactly("9.2");
        } finally {
            other.kill();
            other.join();
        }
    }

    /** Runs in a child JVM: takes the results lock, says so, and keeps it until the JVM is killed. */
    private static void holdTheLock(String lock, String marker) {
        try (FileChannel channel = FileChannel.open(Path.of(lock), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.lock();
            Files.writeString(Path.of(marker), "");
            Thread.sleep(Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one test class through a real launcher with a fresh recorder, as one test JVM of the module would. */
    private static void run(Class<?> testClass, Path module) {
        String previous = System.getProperty("basedir");
        System.setProperty("basedir", module.toString());
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(testClass)).build();
            LauncherFactory.create().execute(request, new ResultsRecorder());
        } finally {
            if (previous == null) {
                System.clearProperty("basedir");
            } else {
                System.setProperty("basedir", previous);
            }
        }
    }
}
