package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.FakeModules.TwoExercises;

@Timeout(30)
class ScoreboardTest {

    @TempDir
    Path root;

    @Test
    void endsWithTheProgressLineThatToolsRead() throws IOException {
        Path one = module("module-07-sample", pass("7.1"), fail("7.2", "AssertionError: child 4242 was still alive 2 s after terminate()"));

        String board = Scoreboard.render(root, List.of(one), Optional.empty());

        List<String> lines = board.lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Workbook progress: 2/5 points, 1/2 exercises complete");
        assertThat(board).contains("[done] 7.1").contains("[FAIL] 7.2").contains("<- next")
                .contains("Next: exercise 7.2, Wait for it")
                .contains("Hint:     Process.waitFor(timeout) tells you whether it ended.")

                .contains("Re-run:   ./mvnw test -pl module-07-sample -am -Dexercise=7.2")
                .contains("(Windows: .\\mvnw.cmd test -pl module-07-sample -am \"-Dexercise=7.2\")");
        assertThat(board.replaceAll("\\s+", " ")).contains("Failed: SampleTest.test")
                .contains("AssertionError: child 4242 was still alive 2 s after terminate()");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void pointsAreThoseOfModuleScoreForAnyMixOfResults() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<TestRecord> records = new ArrayList<>();
        records.add(random.nextBoolean() ? pass("7.1") : fail("7.1", "AssertionError: no"));
        // 7.2 has a passing and a failing test, in either order: it is not done and earns nothing.
        List<TestRecord> second = new ArrayList<>(List.of(pass("7.2"), fail("7.2", "AssertionError: no")));
        java.util.Collections.shuffle(second);
        records.addAll(second);
        Path one = module("module-07-sample", records.toArray(TestRecord[]::new));

        String board = Scoreboard.render(root, List.of(one), Optional.empty());

        ModuleScore expected = ModuleScore.of(new TwoExercises(), records);
        assertThat(expected.exercises().get(1).pointsEarned()).isZero();
        assertThat(board).contains("[FAIL] 7.2");
        assertThat(board.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("Workbook progress: " + expected.pointsEarned()
                + "/5 points, " + expected.exercisesDone() + "/2 exercises complete");
    }

    @Test
    void aTodoThatWasNeverStartedReadsAsToDoAndPointsAtTheStudentsLine() throws IOException {
        TestRecord todo = fail("7.1", "ExerciseNotStarted: exercise 7.1 is not implemented yet: see module-07-sample/README.md");
        Path one = module("module-07-sample", todo, fail("7.2", "ExerciseNotStarted: exercise 7.2 is not implemented yet"));
        Files.writeString(one.resolve(ResultsRecorder.RESULTS_FOLDER).resolve(todo.testClass() + StudentCode.WHERE_SUFFIX),
                todo.test() + "\tsrc/main/java/sample/Starter.java:12 (Starter.start)\n");

        String board = Scoreboard.render(root, List.of(one), Optional.empty());

        assertThat(board).contains("[todo] 7.1").contains("[todo] 7.2")
                .contains("Status:   not started: the method still throws new Todo(\"7.1\")")
                .contains("Look at:  module-07-sample/src/main/java/sample/Starter.java:12 (Starter.start)");
    }

    @Test
    void aCompleteModuleSaysSoAndNamesTheNextOne() throws IOException {
        Path one = module("module-07-sample", pass("7.1"), pass("7.2"));
        module("module-08-sample", fail("7.1", "AssertionError: no"));

        String board = Scoreboard.render(root, List.of(one), Optional.empty());

        assertThat(board).contains("module-07-sample is complete. Next module: module-08-sample")
                .doesNotContain("Next: exercise")
                .contains("module-08-sample").contains("(earlier run)")
                .endsWith("Workbook progress: 5/10 points, 2/4 exercises complete" + System.lineSeparator());
    }

    @Test
    void aCompleteWorkbookSaysSo() throws IOException {
        Path one = module("module-07-sample", pass("7.1"), pass("7.2"));
        Path two = module("module-08-sample", pass("7.1"), pass("7.2"));

        String board = Scoreboard.render(root, List.of(one, two), Optional.empty());

        assertThat(board).contains("The workbook is complete").doesNotContain("Next:")
                .endsWith("Workbook progress: 10/10 points, 4/4 exercises complete" + System.lineSeparator());
    }

    @Test
    void aModuleThatWasNeverBuiltIsNamedAndNotCounted() throws IOException {
        Path one = module("module-07-sample", pass("7.1"));
        Path unbuilt = Files.createDirectories(root.resolve("module-09-unbuilt/src/test/resources/META-INF/services"));
        Files.writeString(unbuilt.resolve(ExerciseCatalog.class.getName()), TwoExercises.class.getName());
        Files.createDirectories(root.resolve("module-10-empty"));

        String board = Scoreboard.render(root, List.of(one), Optional.empty());

        assertThat(board).contains("module-09-unbuilt").contains("not built yet")
                .contains("module-10-empty").contains("no exercises yet")
                .contains("not counted yet, never built: module-09-unbuilt;")
                .endsWith("Workbook progress: 2/5 points, 1/2 exercises complete" + System.lineSeparator());
    }

    @Test
    void aModuleThatRanButDidNotCompileComesFirst() throws IOException {
        Path one = module("module-07-sample", pass("7.1"));
        Path broken = Files.createDirectories(root.resolve("module-08-broken/src/test/resources/META-INF/services"));
        Files.writeString(broken.resolve(ExerciseCatalog.class.getName()), TwoExercises.class.getName());

        String board = Scoreboard.render(root, stages(one, Scoreboard.Stage.TESTED, root.resolve("module-08-broken"), Scoreboard.Stage.STARTED),
                Optional.empty());

        assertThat(board).contains("DID NOT COMPILE").contains("Next: make module-08-broken compile again")
                .doesNotContain("Next: exercise");
    }

    @Test
    void aBuildThatOnlyCompiledSaysSoAndNeverThatItDidNotCompile() throws IOException {
        Path one = module("module-07-sample", pass("7.1"));
        Path two = module("module-08-other");

        for (Scoreboard.Stage stage : List.of(Scoreboard.Stage.COMPILED, Scoreboard.Stage.TESTS_COMPILED)) {
            String board = Scoreboard.render(root, stages(one, stage, two, Scoreboard.Stage.TESTS_COMPILED), Optional.empty());

            assertThat(board).as(stage.toString()).contains("Your code compiles. No test ran in this build")
                    .contains("Next: run the tests").contains("./mvnw test   (Windows: .\\mvnw.cmd test)")
                    .contains("one module only: ./mvnw test -pl module-07-sample -am")
                    .contains("(earlier run)")
                    .doesNotContainIgnoringCase("did not compile").doesNotContain("compile again").doesNotContain("[")
                    .endsWith("Workbook progress: 2/10 points, 1/4 exercises complete" + System.lineSeparator());
        }
        Path fresh = Files.createDirectories(root.resolve("module-09-fresh/src/test/resources/META-INF/services"));
        Files.writeString(fresh.resolve(ExerciseCatalog.class.getName()), TwoExercises.class.getName());
        assertThat(Scoreboard.render(root, stages(root.resolve("module-09-fresh"), Scoreboard.Stage.TESTS_COMPILED), Optional.empty()))
                .as("-Dmaven.test.skip=true on a fresh clone: no test class was compiled")
                .contains("module-09-fresh").contains("compiles; its tests were not compiled")
                .doesNotContain("never built").doesNotContainIgnoringCase("did not compile");
        assertThat(Scoreboard.render(root, stages(one, Scoreboard.Stage.TESTS_COMPILED), Optional.empty()))
                .as("one module: its own command").contains("./mvnw test -pl module-07-sample -am   (Windows: .\\mvnw.cmd test -pl module-07-sample -am)");
    }

    @Test
    void aModuleThatOnlyCompiledNextToOneThatRanIsNotCalledBroken() throws IOException {
        Path one = module("module-07-sample", pass("7.1"));
        Path two = module("module-08-other");

        String board = Scoreboard.render(root, stages(one, Scoreboard.Stage.TESTED, two, Scoreboard.Stage.TESTS_COMPILED), Optional.empty());

        assertThat(board).contains("[done] 7.1").contains("module-08-other").contains("compiles; no test ran in this build")
                .contains("Next: exercise 7.2").doesNotContainIgnoringCase("did not compile");
    }

    @Test
    void anExerciseWhoseTodoIsLeftInTheSourceIsToDoEvenWhenTheTestSawOnlyAnExitCode() throws IOException {
        Path one = module("module-07-sample", fail("7.1", "AssertionError: the child exited with 1, expected 0"),
                fail("7.2", "AssertionError: expected 3 lines"));
        Path source = Files.createDirectories(one.resolve("src/main/java/sample")).resolve("Child.java");
        Files.writeString(source, String.join("\n", "package sample;", "class Child {", "    void run() {",
                "        throw new Todo(\"7.1\");", "    }", "    void other() {", "        // throw new Todo(\"7.2\");",
                "        /* throw new Todo(\"7.2\"); */", "    }", "}", ""));

        String board = Scoreboard.render(root, List.of(one), Optional.empty());

        assertThat(board).contains("[todo] 7.1").contains("[FAIL] 7.2")
                .contains("Status:   not started: the method still throws new Todo(\"7.1\")")
                .contains("Look at:  module-07-sample/src/main/java/sample/Child.java:4");
        assertThat(Scoreboard.render(root, List.of(module("module-07-sample")), Optional.of("7.2")))
                .as("an exercise whose tests did not run is not called not started, TODO or not")
                .contains("[ -- ] 7.1").contains("its tests did not run in this build").doesNotContain("not started");
    }

    private static Map<Path, Scoreboard.Stage> stages(Object... pathsAndStages) {
        Map<Path, Scoreboard.Stage> stages = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndStages.length; i += 2) {
            stages.put((Path) pathsAndStages[i], (Scoreboard.Stage) pathsAndStages[i + 1]);
        }
        return stages;
    }

    @Test
    void aRunLimitedToOneExerciseDetailsOnlyTheModuleThatHoldsIt() throws IOException {
        Path one = module("module-07-sample", pass("7.1"));
        Path two = module("module-08-other", fail("7.1", "AssertionError: no"));
        Files.writeString(two.resolve("target/test-classes/META-INF/services/" + ExerciseCatalog.class.getName()),
                OtherModule.class.getName());

        String board = Scoreboard.render(root, List.of(one, two), Optional.of("7.2"));

        assertThat(board).contains("[done] 7.1").contains("Next: exercise 7.2")
                .contains("module-08-other").doesNotContain("Something else");
        assertThat(Scoreboard.render(root, List.of(one, two), Optional.empty())).as("a full run details both")
                .contains("Something else");
    }

    /** A second module's registry, for runs that span modules. */
    public static final class OtherModule implements ExerciseCatalog {
        @Override
        public String module() {
            return "module-08-other";
        }

        @Override
        public List<ExerciseSpec> exercises() {
            return List.of(new ExerciseSpec("8.1", "Something else", 1, "Read the lesson."));
        }
    }

    @Test
    void aMistypedExerciseSelectionIsExplained() throws IOException {
        Path one = module("module-07-sample", pass("7.1"));

        String board = Scoreboard.render(root, List.of(one), Optional.of("FreshJvmCommandTest"));

        assertThat(board).contains("! -Dexercise=FreshJvmCommandTest is not an exercise: write an exercise id such as -Dexercise=1.3");
    }

    private Path module(String name, TestRecord... records) throws IOException {
        return FakeModules.write(root, name, TwoExercises.class, records);
    }

    private static int counter;

    private static TestRecord pass(String exercise) {
        return new TestRecord(exercise, "sample.SampleTest", "test" + (++counter) + " ()", false, TestRecord.Status.PASSED, "");
    }

    private static TestRecord fail(String exercise, String message) {
        return new TestRecord(exercise, "sample.SampleTest", "test" + (++counter) + " ()", false, TestRecord.Status.FAILED, message);
    }
}
