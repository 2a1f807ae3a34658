package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.FakeModules.TwoExercises;
import workbook.testsupport.TestRecord.Status;

/** The one place points are computed: all or nothing per exercise, visible and hidden tests together. */
class ModuleScoreTest {

    private static TestRecord result(String exercise, boolean hidden, Status status) {
        return new TestRecord(exercise, hidden ? "sample.StartHiddenTest" : "sample.StartTest",
                status + " " + exercise + " ()", hidden, status, status == Status.PASSED ? "" : "AssertionError: no");
    }

    @Test
    void anExerciseEarnsItsPointsOnlyWhenEveryOneOfItsTestsPassed() {
        TestRecord missing = result("7.2", true, Status.MISSING);
        ModuleScore score = ModuleScore.of(new TwoExercises(), List.of(result("7.1", false, Status.PASSED),
                result("7.1", true, Status.PASSED), result("7.2", false, Status.PASSED), missing));

        assertThat(score.pointsPossible()).isEqualTo(5);
        assertThat(score.pointsEarned()).as("7.1 (2 points) is done; 7.2 has a test that never reported").isEqualTo(2);
        assertThat(score.exercisesDone()).isEqualTo(1);
        assertThat(score.nextExercise()).map(e -> e.spec().id()).contains("7.2");
        assertThat(score.exercises().get(1).firstProblem()).contains(missing);
    }

    @Test
    void anExerciseWithoutAnyResultEarnsNothing() {
        ModuleScore score = ModuleScore.of(new TwoExercises(), List.of(result("7.1", false, Status.PASSED)));

        assertThat(score.exercises().get(1).done()).as("7.2, whose tests did not run").isFalse();
        assertThat(score.pointsEarned()).isEqualTo(2);
    }

    @Test
    void resultsOfNoRegisteredExerciseAreSetApartAndEarnNothing() {
        TestRecord undeclared = result("", false, Status.PASSED);
        TestRecord unknown = result("7.9", true, Status.PASSED);
        ModuleScore score = ModuleScore.of(new TwoExercises(), List.of(undeclared, unknown, result("7.1", false, Status.FAILED)));

        assertThat(score.unregistered()).containsExactly(undeclared, unknown);
        assertThat(score.pointsEarned()).isZero();
        assertThat(score.exercises()).allSatisfy(e -> assertThat(e.tests()).doesNotContain(undeclared, unknown));
    }

    @Test
    void resultsAreReadFromEveryResultsFileAndNothingElse(@TempDir Path module) throws IOException {
        Path folder = Files.createDirectories(module.resolve(ResultsRecorder.RESULTS_FOLDER));
        TestRecord first = result("7.1", false, Status.PASSED);
        TestRecord second = result("7.2", true, Status.FAILED);
        Files.writeString(folder.resolve("a.StartTest.tsv"), TestRecord.HEADER + "\n" + first.toLine() + "\n\n");
        Files.writeString(folder.resolve("b.StartHiddenTest.tsv"), TestRecord.HEADER + "\n" + second.toLine() + "\n");
        Files.writeString(folder.resolve("a.StartTest" + StudentCode.WHERE_SUFFIX), "not\ta\tresults\tline\n");

        assertThat(ModuleScore.readResults(module)).containsExactly(first, second);
        assertThat(ModuleScore.readResults(module.resolve("never-built"))).isEmpty();
    }

    @Test
    void aTestIsHiddenWhenItsOutermostClassIsAHiddenTest() {
        assertThat(TestRecord.isHidden(SampleHiddenTest.class)).isTrue();
        assertThat(TestRecord.isHidden(SampleHiddenTest.WhenTheChildFails.class)).as("a class nested in a hidden test").isTrue();
        assertThat(TestRecord.isHidden(ModuleScoreTest.class)).isFalse();
        assertThat(TestRecord.isHidden(ModuleScoreTest.Nested.class)).as("a class nested in a visible test").isFalse();
    }

    @Test
    void aRecordSurvivesItsLineAndABrokenLineIsNamed() {
        TestRecord record = new TestRecord("7.1", "sample.StartTest", "starts\ta child ()", false, Status.FAILED,
                "AssertionError: expected\n0\r\nbut was 1");

        assertThat(TestRecord.parse(record.toLine())).isEqualTo(new TestRecord("7.1", "sample.StartTest",
                "starts a child ()", false, Status.FAILED, "AssertionError: expected 0 but was 1"));
        assertThatThrownBy(() -> TestRecord.parse("7.1\tonly three")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 6 tab-separated fields");
    }

    /** A class nested in a visible test. */
    static class Nested {
    }
}

/** A top-level class whose name marks it as hidden tests, with a nested class; it holds no tests. */
class SampleHiddenTest {
    class WhenTheChildFails {
    }
}
