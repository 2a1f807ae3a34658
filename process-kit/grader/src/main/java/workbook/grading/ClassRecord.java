package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import workbook.testsupport.ExerciseScore;
import workbook.testsupport.TestRecord;

/**
 * What the class's reports keep of one graded submission: its gradebook row and what the class report
 * counts. It is what a shard hands to {@code bin/gradebook merge}, so that a merged gradebook and report
 * are written from the same records, by the same code, as one run's.
 *
 * <p>It names no hidden test: a hidden test's first failure is kept as its kind of outcome only.
 *
 * @param position the submission's position (from 0) among the class folder's sorted entries
 * @param submission the submission's name
 * @param gradebookRow its row of {@code gradebook.csv}, without the line break
 * @param points the points earned (0 when withheld)
 * @param possible the points possible
 * @param notGraded why it was not graded, or empty
 * @param withheld whether its score was withheld (it changed files of the grader)
 * @param leftovers how many of its processes were left running and killed
 * @param notCompiled the modules that did not compile
 * @param exercises every exercise, in module and catalog order
 */
record ClassRecord(int position, String submission, String gradebookRow, int points, int possible, String notGraded,
        boolean withheld, int leftovers, List<String> notCompiled, List<ExerciseOutcome> exercises) {

    ClassRecord {
        notCompiled = List.copyOf(notCompiled);
        exercises = List.copyOf(exercises);
    }

    /**
     * One exercise of one submission.
     *
     * @param module the module
     * @param id the exercise id
     * @param title its title
     * @param earned points earned (0 when withheld)
     * @param possible points possible
     * @param firstFailure what failed first when it is not done: a visible test's name, a hidden test's kind of
     *     outcome, "does not compile", "no test ran" or "score withheld"; empty when done
     */
    record ExerciseOutcome(String module, String id, String title, int earned, int possible, String firstFailure) {

        boolean passed() {
            return earned == possible && firstFailure.isEmpty();
        }
    }

    /** @return the record of a submission graded (or not graded) at {@code position} of the class */
    static ClassRecord of(int position, SubmissionResult result) {
        List<ExerciseOutcome> exercises = new ArrayList<>();
        for (SubmissionResult.ModuleResult m : result.modules()) {
            for (ExerciseScore e : m.score().exercises()) {
                exercises.add(new ExerciseOutcome(m.score().module(), e.spec().id(), e.spec().title(),
                        result.trusted() ? e.pointsEarned() : 0, e.spec().points(), result.trusted() ? firstFailure(m, e) : "score withheld"));
            }
        }
        return new ClassRecord(position, result.name(), Reports.gradebookRow(result), result.pointsEarned(), result.pointsPossible(),
                result.failure(), !result.trusted(), result.leftovers(),
                result.modules().stream().filter(m -> !m.compiled()).map(m -> m.score().module()).toList(), exercises);
    }

    /** @return what a class report may say failed first in an exercise that is not done; empty when done */
    static String firstFailure(SubmissionResult.ModuleResult module, ExerciseScore exercise) {
        if (exercise.done()) {
            return "";
        }
        if (!module.compiled()) {
            return "does not compile";
        }
        return exercise.firstProblem().map(ClassRecord::label).orElse("no test ran");
    }

    private static String label(TestRecord test) {
        if (test.hidden()) {
            return "hidden test " + Feedback.hiddenOutcomeKind(test);
        }
        String name = test.testClass().substring(test.testClass().lastIndexOf('.') + 1) + "." + test.test().replaceFirst(" \\(.*", "");
        return test.message().contains("exercise " + test.exercise() + " is not implemented yet")
                ? name + " (not started)"
                : name;
    }
}
