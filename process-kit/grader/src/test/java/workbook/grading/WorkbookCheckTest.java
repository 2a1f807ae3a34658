package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.FakeModules;
import workbook.testsupport.FakeModules.TwoExercises;
import workbook.testsupport.TestRecord;
import workbook.testsupport.TestRecord.Status;

/**
 * CI's proof that the reference passes, the skeleton earns nothing and each wrong solution is caught is
 * only as good as this check: each case below is one way the check must refuse a broken workbook.
 */
@Timeout(30)
class WorkbookCheckTest {

    @TempDir
    Path root;

    private String printed;

    private int check(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = WorkbookCheck.check(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }

    private Path module(TestRecord... records) throws IOException {
        return FakeModules.write(root, "module-07-sample", TwoExercises.class, records);
    }

    private static TestRecord visible(String exercise, Status status) {
        return new TestRecord(exercise, "sample.StarterTest", "visible" + exercise + " ()", false, status,
                status == Status.PASSED ? "" : "AssertionError: no");
    }

    private static TestRecord hidden(String exercise, Status status) {
        return new TestRecord(exercise, "sample.StarterHiddenTest", "hidden" + exercise + " ()", true, status,
                status == Status.PASSED ? "" : "AssertionError: no");
    }

    @Test
    void aReferenceThatPassesEverythingPasses() throws IOException {
        Path module = module(visible("7.1", Status.PASSED), hidden("7.1", Status.PASSED),
                visible("7.2", Status.PASSED), hidden("7.2", Status.PASSED));

        assertThat(check("reference", module.toString())).as(printed).isZero();
        assertThat(printed).contains("2 exercises, 4 tests, 5/5 points").contains("Reference check passed");
    }

    @Test
    void aReferenceThatFailsOneTestIsRefused() throws IOException {
        Path module = module(visible("7.1", Status.PASSED), hidden("7.1", Status.MISSING),
                visible("7.2", Status.PASSED), hidden("7.2", Status.PASSED));

        assertThat(check("reference", module.toString())).isEqualTo(1);
        assertThat(printed).contains("Reference check FAILED").contains("the reference fails 7.1 sample.StarterHiddenTest");
    }

    @Test
    void anExerciseWithoutHiddenOrVisibleTestsIsRefused() throws IOException {
        Path module = module(visible("7.1", Status.PASSED), hidden("7.2", Status.PASSED));

        assertThat(check("reference", module.toString())).isEqualTo(1);
        assertThat(printed).contains("exercise 7.1 has no hidden test").contains("exercise 7.2 has no visible test");
    }

    @Test
    void aTestOfNoRegisteredExerciseIsRefused() throws IOException {
        Path module = module(visible("7.1", Status.PASSED), hidden("7.1", Status.PASSED),
                visible("7.2", Status.PASSED), hidden("7.2", Status.PASSED), visible("7.9", Status.PASSED));

        assertThat(check("reference", module.toString())).isEqualTo(1);
        assertThat(printed).contains("grades no registered exercise ('7.9')");
    }

    @Test
    void aSkeletonThatEarnsNothingPassesAndOneFreePointIsRefused() throws IOException {
        Path module = module(visible("7.1", Status.FAILED), hidden("7.1", Status.FAILED),
                visible("7.2", Status.FAILED), hidden("7.2", Status.FAILED));
        assertThat(check("skeleton", module.toString())).as(printed).isZero();

        module = module(visible("7.1", Status.FAILED), hidden("7.1", Status.FAILED),
                visible("7.2", Status.FAILED), hidden("7.2", Status.PASSED));
        assertThat(check("skeleton", module.toString())).isEqualTo(1);
        assertThat(printed).contains("the skeleton passes 7.2 sample.StarterHiddenTest").contains("a free point");
    }

    @Test
    void aWrongSolutionMustLoseItsOwnExerciseOnly() throws IOException {
        Path caught = module(visible("7.1", Status.PASSED), hidden("7.1", Status.FAILED),
                visible("7.2", Status.PASSED), hidden("7.2", Status.PASSED));
        assertThat(check("wrong", "7.1", caught.toString())).as(printed).isZero();
        assertThat(printed).contains("caught: exercise 7.1").contains("StarterHiddenTest.hidden7.1");

        Path missed = module(visible("7.1", Status.PASSED), hidden("7.1", Status.PASSED),
                visible("7.2", Status.PASSED), hidden("7.2", Status.PASSED));
        assertThat(check("wrong", "7.1", missed.toString())).isEqualTo(1);
        assertThat(printed).contains("the wrong solution for 7.1 passes every test of that exercise");

        Path collateral = module(visible("7.1", Status.FAILED), hidden("7.1", Status.FAILED),
                visible("7.2", Status.PASSED), hidden("7.2", Status.FAILED));
        assertThat(check("wrong", "7.1", collateral.toString())).isEqualTo(1);
        assertThat(printed).contains("exercise 7.2 lost its points too");


        assertThat(check("wrong", "7.5", caught.toString())).isEqualTo(1);
        assertThat(printed).contains("exercise 7.5 is not registered");

        // 7.2 uses 7.1's code by design (a "uses" line of the contract table): it may lose its points with 7.1.
        Path bothLost = module(visible("7.1", Status.FAILED), hidden("7.1", Status.FAILED),
                visible("7.2", Status.PASSED), hidden("7.2", Status.FAILED));
        assertThat(check("wrong", "7.1", bothLost.toString(), "7.2")).as(printed).isZero();
        assertThat(printed).contains("caught: exercise 7.1").contains("so does 7.2, which uses 7.1's code by design");
        Path onlyItsOwn = module(visible("7.1", Status.PASSED), hidden("7.1", Status.FAILED),
                visible("7.2", Status.PASSED), hidden("7.2", Status.PASSED));
        assertThat(check("wrong", "7.1", onlyItsOwn.toString(), "7.2")).as(printed).isZero();
        assertThat(printed).contains("the other exercises keep theirs").doesNotContain("so does");
    }

    @Test
    void nothingCheckedIsNoPassAndBadUsageIsExplained() {
        assertThat(check("reference", root.resolve("module-99-absent").toString())).isEqualTo(1);
        assertThat(printed).contains("no module with exercises was checked");

        assertThat(check("graded", "module-01-basics")).isEqualTo(2);
        assertThat(printed).startsWith("usage: WorkbookCheck");
    }
}
