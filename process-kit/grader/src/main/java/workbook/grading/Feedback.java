package workbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbook.testsupport.ExerciseScore;
import workbook.testsupport.TestRecord;

/**
 * What a student may read about an exercise's tests.
 *
 * <p>A visible test is named with its failure's first line. A hidden test is only counted and, when it
 * failed, said to have failed, timed out or not finished: its name, code and expected values stay with
 * the instructor, so that the hidden tests keep measuring the contract rather than the examples.
 */
final class Feedback {

    /** Messages longer than this are cut; a student's output can be long. */
    static final int MAX_MESSAGE = 300;

    private Feedback() {
    }

    /** @return one line for each visible test that did not pass, and a count of the hidden ones */
    static List<String> lines(ExerciseScore exercise) {
        List<String> lines = new ArrayList<>();
        int hidden = 0;
        int hiddenPassed = 0;
        List<String> hiddenProblems = new ArrayList<>();
        for (TestRecord t : exercise.tests()) {
            boolean passed = t.status() == TestRecord.Status.PASSED;
            if (t.hidden()) {
                hidden++;
                if (passed) {
                    hiddenPassed++;
                } else {
                    hiddenProblems.add("hidden test " + hidden + ": " + hiddenOutcome(t));
                }
            } else {
                lines.add((passed ? "passed: " : "FAILED: ") + t.test() + (passed ? "" : " - " + shorten(t.message())));
            }
        }
        if (hidden > 0) {
            lines.add("hidden tests: " + hiddenPassed + " of " + hidden + " passed");
            lines.addAll(hiddenProblems);
        }
        if (exercise.tests().isEmpty()) {
            lines.add("no test of this exercise ran");
        }
        return lines;
    }

    /**
     * @return what happened to a hidden test that did not pass, in a few words ("timed out"), for a class
     *     report that counts kinds of failure without naming the hidden test
     */
    static String hiddenOutcomeKind(TestRecord t) {
        String outcome = hiddenOutcome(t);
        int bracket = outcome.indexOf(" (");
        return bracket < 0 ? outcome : outcome.substring(0, bracket);
    }

    private static String hiddenOutcome(TestRecord t) {
        String message = t.message().toLowerCase(Locale.ROOT);
        if (t.status() == TestRecord.Status.MISSING) {
            return "did not finish (the test JVM stopped: System.exit, a crash or the time limit)";
        }
        if (message.contains("timed out") || message.contains("timeout")) {
            return "timed out (does your code wait for something that never happens, or loop forever?)";
        }
        if (message.contains("does not compile")) {
            return "not run (the module does not compile)";
        }
        if (message.startsWith("todo") || message.contains("not implemented yet")) {
            return "not implemented yet (the TODO still throws)";
        }
        return "failed (it checks the same contract as the visible tests, with other inputs)";
    }

    /** @return the first thing to fix in an exercise that is not done, in one line */
    static String firstProblem(ExerciseScore exercise) {
        List<String> all = lines(exercise);
        return all.stream().filter(l -> l.startsWith("FAILED") || l.startsWith("hidden test ") || l.startsWith("no test"))
                .findFirst().orElse(all.isEmpty() ? "" : all.get(0));
    }

    static String shorten(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "..." : oneLine;
    }
}
