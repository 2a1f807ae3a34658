package workbook.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbook.testsupport.ExerciseSpec;
import workbook.testsupport.ModuleScore;
import workbook.testsupport.TestRecord;

/** A class of graded submissions built in memory, as the grader would have graded them: no Maven run. */
final class ClassFixtures {

    static final ExpectedTest ADD = new ExpectedTest("9.1", "workbook.demo.AddTest", "adds", false);
    static final ExpectedTest ADD_HIDDEN = new ExpectedTest("9.1", "workbook.demo.AddHiddenTest", "addsSecretNumbers", true);
    static final ExpectedTest WAIT = new ExpectedTest("9.2", "workbook.demo.WaitTest", "waitsForTheChild", false);
    static final Baseline BASELINE = new Baseline(java.util.Map.of("module-09-demo", new Baseline.ModuleBaseline("module-09-demo",
            List.of(new ExerciseSpec("9.1", "Add", 3, "use +"), new ExerciseSpec("9.2", "Wait <for> it", 2, "waitFor")),
            List.of(ADD, ADD_HIDDEN, WAIT))));

    private ClassFixtures() {
    }

    /** @return seven submissions, one of each kind a class report must show, in sorted-name order */
    static List<SubmissionResult> sevenSubmissions() {
        List<SubmissionResult> all = new ArrayList<>();
        all.add(graded("alice", pass(ADD), pass(ADD_HIDDEN), pass(WAIT)));
        all.add(graded("bob", pass(ADD), fail(ADD_HIDDEN, "AssertionFailedError: expected 4242 but was 7"),
                fail(WAIT, "exercise 9.2 is not implemented yet: see README.md")));
        all.add(new SubmissionResult("carol, \"the\" <script>alert(1)</script>", modules("", pass(ADD),
                fail(ADD_HIDDEN, "timed out after 10 seconds"), pass(WAIT)), List.of(), List.of(), 1, false, 0, Duration.ofSeconds(35),
                Sandbox.Level.BWRAP));
        all.add(new SubmissionResult("dave", modules(""), List.of(), List.of("changed module-09-demo/target/test-classes/X.class"),
                0, false, 0, Duration.ofSeconds(40), Sandbox.Level.BWRAP));
        all.add(new SubmissionResult("erin", modules("", pass(ADD), pass(ADD_HIDDEN), fail(WAIT, "AssertionError: still alive")),
                List.of(), List.of(), 3, false, 0, Duration.ofSeconds(50), Sandbox.Level.BWRAP));
        all.add(new SubmissionResult("frank", modules("Adder.java:[3,1] ';' expected"), List.of(), List.of(), 0, false, 0,
                Duration.ofSeconds(20), Sandbox.Level.BWRAP));
        all.add(SubmissionResult.notGraded("grace.zip", BASELINE, "not a folder (unpack an archive into a folder of its own to grade it)",
                Sandbox.Level.BWRAP));
        return all;
    }

    private static SubmissionResult graded(String name, TestRecord... records) {
        return new SubmissionResult(name, modules("", records), List.of(), List.of(), 0, false, 0, Duration.ofSeconds(30),
                Sandbox.Level.BWRAP);
    }

    private static List<SubmissionResult.ModuleResult> modules(String compileError, TestRecord... records) {
        Baseline.ModuleBaseline m = BASELINE.modules().get("module-09-demo");
        List<TestRecord> list = compileError.isEmpty() ? List.of(records)
                : List.of(new TestRecord("9.1", ADD.testClass(), ADD.method(), false, TestRecord.Status.FAILED, "the module does not compile"));
        return List.of(new SubmissionResult.ModuleResult(ModuleScore.of(m.catalog(), list), compileError));
    }

    static TestRecord pass(ExpectedTest t) {
        return new TestRecord(t.exercise(), t.testClass(), t.method() + " (" + t.method() + "())", t.hidden(), TestRecord.Status.PASSED, "");
    }

    static TestRecord fail(ExpectedTest t, String message) {
        return new TestRecord(t.exercise(), t.testClass(), t.method() + " (" + t.method() + "())", t.hidden(), TestRecord.Status.FAILED, message);
    }
}
