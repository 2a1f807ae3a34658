package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Maven arguments of a grading's test runs, and how many test JVMs they may use. */
class GraderArgumentsTest {

    @Test
    void twoTestJvmsPerCoreAreSharedByTheSubmissionsGradedAtOnceAndTheirTwoRuns() {
        assertThat(Grader.testJvms(2, 1)).as("2 cores, one submission: 4 test JVMs, 2 for each of its runs").isEqualTo(2);
        assertThat(Grader.testJvms(8, 1)).isEqualTo(8);
        assertThat(Grader.testJvms(8, 2)).isEqualTo(4);
        assertThat(Grader.testJvms(8, 3)).isEqualTo(2);
        assertThat(Grader.testJvms(2, 8)).as("never fewer than one").isEqualTo(1);
        assertThat(Grader.testJvms(1, 0)).as("a nonsensical count of submissions counts as one").isEqualTo(1);
    }

    @Test
    void everyTestRunSaysHowManyTestJvmsItMayUse() {
        assertThat(Grader.testArguments(Grader.Tests.HIDDEN, List.of("module-01-basics"), List.of(), null, 3))
                .contains("-Pgrading", "test", "-DforkCount=3", "-Dtest=**/*HiddenTest")
                .containsSequence("-pl", "module-01-basics", "-am");
        assertThat(Grader.testArguments(Grader.Tests.VISIBLE, List.of("module-01-basics"), List.of("workbook.basics.LauncherTest"), null, 2))
                .doesNotContain("-Pgrading")
                .contains("-DforkCount=2", "-Dtest=workbook/basics/LauncherTest", "-DreuseForks=false");
    }
}
