package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.FakeModules.TwoExercises;

/** The CI report says what the board says, and annotates the line the board's "Look at:" names. */
@Timeout(30)
class CiReportTest {

    @TempDir
    Path root;

    @Test
    void anUnfinishedExerciseIsAnnotatedAtTheStudentsLine() throws IOException {
        TestRecord todo = record("7.1", TestRecord.Status.FAILED, "ExerciseNotStarted: exercise 7.1 is not implemented yet");
        Path module = FakeModules.write(root, "module-07-sample", TwoExercises.class, todo,
                record("7.2", TestRecord.Status.FAILED, "AssertionError: 50% done, child: still alive"));
        Files.writeString(module.resolve(ResultsRecorder.RESULTS_FOLDER).resolve(todo.testClass() + StudentCode.WHERE_SUFFIX),
                todo.test() + "\tsrc/main/java/sample/Starter.java:12 (Starter.start)\n");

        CiReport.write(root, Scoreboard.modules(root, List.of(module), Optional.empty()));

        List<String> annotations = Files.readAllLines(root.resolve(CiReport.FOLDER).resolve("annotations.txt"), StandardCharsets.UTF_8);
        assertThat(annotations).containsExactly(
                "::error file=module-07-sample/src/main/java/sample/Starter.java,line=12,title=Exercise 7.1 Start a child (2 points)::"
                        + "Not started: the method still throws new Todo(\"7.1\"). Re-run: ./mvnw test -pl module-07-sample -am -Dexercise=7.1",
                "::error title=Exercise 7.2 Wait for it (3 points)::"
                        + "Failed: SampleTest.test7_2: AssertionError: 50%25 done, child: still alive Re-run: ./mvnw test -pl module-07-sample -am -Dexercise=7.2");
        assertThat(Scoreboard.render(root, List.of(module), Optional.empty()))
                .contains("Look at:  module-07-sample/src/main/java/sample/Starter.java:12 (Starter.start)");
    }

    @Test
    void theSummaryAndResultsCountWhatIsUnfinished() throws IOException {
        Path module = FakeModules.write(root, "module-07-sample", TwoExercises.class,
                record("7.1", TestRecord.Status.PASSED, ""), record("7.2", TestRecord.Status.FAILED, "AssertionError: <b>|x"));

        CiReport.write(root, Scoreboard.modules(root, List.of(module), Optional.empty()));

        String summary = Files.readString(root.resolve(CiReport.FOLDER).resolve("summary.md"));
        String json = Files.readString(root.resolve(CiReport.FOLDER).resolve("results.json"));
        assertThat(summary).startsWith("## Workbook: 2 / 5 points, 1 / 2 exercises complete")
                .contains("| done | 7.1 Start a child | 2 / 2 |")
                .contains("AssertionError: &lt;b&gt;\\|x")
                .contains("**Next:** exercise 7.2");
        assertThat(json).contains("\"points\": 2,").contains("\"possible\": 5,").contains("\"unfinished\": 1,")
                .contains("\"state\": \"fail\"");
    }

    @Test
    void aModuleThatDidNotCompileIsUnfinishedAndAnnotated() throws IOException {
        Path module = FakeModules.write(root, "module-07-sample", TwoExercises.class);
        deleteTree(module.resolve("target/test-classes"));

        List<Scoreboard.Module> modules = Scoreboard.modules(root, List.of(module), Optional.empty());

        assertThat(CiReport.annotations(modules)).containsExactly("::error title=module-07-sample does not compile::"
                + "Its tests could not run. The compiler's [ERROR] lines in the log give the file and line of each error.");
        assertThat(CiReport.json(modules)).contains("\"unfinished\": 1,").contains("\"compiled\": false");
        assertThat(CiReport.markdown(modules)).contains("| module-07-sample | **does not compile** |");
    }

    @Test
    void aCompleteWorkbookHasNothingUnfinishedAndNoAnnotation() throws IOException {
        Path module = FakeModules.write(root, "module-07-sample", TwoExercises.class,
                record("7.1", TestRecord.Status.PASSED, ""), record("7.2", TestRecord.Status.PASSED, ""));

        List<Scoreboard.Module> modules = Scoreboard.modules(root, List.of(module), Optional.empty());

        assertThat(CiReport.annotations(modules)).isEmpty();
        assertThat(CiReport.json(modules)).contains("\"unfinished\": 0,");
    }

    @Test
    void propertiesEscapeWhatGitHubWouldReadAsSyntax() {
        assertThat(CiReport.property("a:b,c%\nd")).isEqualTo("a%3Ab%2Cc%25%0Ad");
        assertThat(CiReport.data("a:b,c%\r\n")).isEqualTo("a:b,c%25%0D%0A");
    }

    private static TestRecord record(String exercise, TestRecord.Status status, String message) {
        return new TestRecord(exercise, "sample.SampleTest", "test" + exercise.replace('.', '_') + " (test)", false, status, message);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
