package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

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

    @Test
    void recordsEveryResultEvenWhenTheMessageCannotBeEncoded(@TempDir Path module) {
        String previous = System.getProperty("basedir");
        System.setProperty("basedir", module.toString());
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(SampleTest.class)).build();
            LauncherFactory.create().execute(request, new ResultsRecorder());
        } finally {
            if (previous == null) {
                System.clearProperty("basedir");
            } else {
                System.setProperty("basedir", previous);
            }
        }

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
}
