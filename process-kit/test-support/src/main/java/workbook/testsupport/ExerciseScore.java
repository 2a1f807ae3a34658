package workbook.testsupport;

import java.util.List;
import java.util.Optional;

/**
 * One exercise with the results of the tests that grade it.
 *
 * <p>An exercise is done, and earns all its points, when it has at least one test and every one of
 * them passed. Partial credit would reward a solution that only handles the visible examples.
 *
 * @param spec the registered exercise
 * @param tests the results of its tests in this run
 */
public record ExerciseScore(ExerciseSpec spec, List<TestRecord> tests) {

    public ExerciseScore {
        tests = List.copyOf(tests);
    }

    /** @return whether the exercise has tests and all of them passed */
    public boolean done() {
        return !tests.isEmpty() && tests.stream().allMatch(t -> t.status() == TestRecord.Status.PASSED);
    }

    /** @return the exercise's points if done, else 0 */
    public int pointsEarned() {
        return done() ? spec.points() : 0;
    }

    /** @return the first test that did not pass, if any */
    public Optional<TestRecord> firstProblem() {
        return tests.stream().filter(t -> t.status() != TestRecord.Status.PASSED).findFirst();
    }
}
