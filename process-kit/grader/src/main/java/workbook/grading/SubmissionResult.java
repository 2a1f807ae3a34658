package workbook.grading;

import java.time.Duration;
import java.util.List;
import workbook.testsupport.ModuleScore;

/**
 * The outcome of grading one submission: what every report is written from.
 *
 * @param name the submission's name (its folder's name)
 * @param modules each graded module's score, with the compiler's message if it did not compile
 * @param notes what the student should know about the grading itself (ignored files, the time limit)
 * @param tampering files of the grader that the submission's code changed; non-empty means the score is withheld
 * @param leftovers how many processes of the run were still running when it ended, and were killed
 * @param timedOut whether the tests hit the per-submission time limit
 * @param printedMegabytes how much the tests printed (kept in files, out of every report and log)
 * @param elapsed how long grading took
 * @param sandbox how the submission's test JVMs were walled off
 * @param failure why the submission could not be graded at all (not a folder, a link, the grader failed), or empty
 */
record SubmissionResult(String name, List<ModuleResult> modules, List<String> notes, List<String> tampering,
        int leftovers, boolean timedOut, long printedMegabytes, Duration elapsed, Sandbox.Level sandbox, String failure) {

    SubmissionResult(String name, List<ModuleResult> modules, List<String> notes, List<String> tampering,
            int leftovers, boolean timedOut, long printedMegabytes, Duration elapsed, Sandbox.Level sandbox) {
        this(name, modules, notes, tampering, leftovers, timedOut, printedMegabytes, elapsed, sandbox, "");
    }

    /**
     * @return the result of a class entry that could not be graded: every exercise at zero, with the reason,
     *     so that the entry still has its row in the gradebook
     */
    static SubmissionResult notGraded(String name, Baseline baseline, String reason, Sandbox.Level sandbox) {
        List<ModuleResult> modules = baseline.modules().values().stream()
                .map(m -> new ModuleResult(ModuleScore.of(m.catalog(), List.of()), ""))
                .toList();
        return new SubmissionResult(name, modules, List.of("not graded: " + reason), List.of(), 0, false, 0,
                Duration.ZERO, sandbox, reason);
    }

    /**
     * One module of a submission.
     *
     * @param score the module's score against the instructor's registry
     * @param compileError the compiler's message if the module did not compile, else empty
     */
    record ModuleResult(ModuleScore score, String compileError) {

        boolean compiled() {
            return compileError.isEmpty();
        }
    }

    SubmissionResult {
        modules = List.copyOf(modules);
        notes = List.copyOf(notes);
        tampering = List.copyOf(tampering);
    }

    /** @return whether the score stands; a submission that tampered with the grader earns nothing */
    boolean trusted() {
        return tampering.isEmpty();
    }

    int pointsEarned() {
        return trusted() ? modules.stream().mapToInt(m -> m.score().pointsEarned()).sum() : 0;
    }

    int pointsPossible() {
        return modules.stream().mapToInt(m -> m.score().pointsPossible()).sum();
    }

    int pointsEarned(ModuleResult module) {
        return trusted() ? module.score().pointsEarned() : 0;
    }
}
