package workbook.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import workbook.testsupport.ExerciseCatalog;
import workbook.testsupport.ExerciseScore;
import workbook.testsupport.ModuleScore;
import workbook.testsupport.TestRecord;

/**
 * The author's check of the workbook's invariants, run by CI after a build (see {@code .ci/run}).
 *
 * <pre>
 * bin/kit-java workbook.grading.WorkbookCheck reference module-*
 * bin/kit-java workbook.grading.WorkbookCheck skeleton module-*
 * </pre>
 *
 * <p>{@code reference}: after {@code ./mvnw -Psolutions verify}, every test of every module passed, every
 * test grades a registered exercise, and every exercise has visible and hidden tests.
 * {@code skeleton}: after {@code ./mvnw -Pgrading test} on the skeleton, no graded test passed, so the
 * skeleton earns nothing. {@code wrong N.M MODULE_DIR [USER...]}: after a run of the reference with one
 * wrong solution overlaid ({@code bin/check-wrong-solutions}), exercise N.M lost its points and every other
 * exercise kept them, except the USER exercises, which use N.M's code by design (a {@code uses} line of the
 * module's contract table: 3.5 reaps by 3.4's process state) and may lose theirs with it. Exits 1 and lists
 * the problems if an invariant does not hold.
 */
public final class WorkbookCheck {

    private WorkbookCheck() {
    }

    public static void main(String[] args) {
        int status = check(args, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the check that {@code args} names and prints what it found.
     *
     * @return the exit status: 0 if the invariant holds, 1 if it does not, 2 for a usage error
     */
    static int check(String[] args, PrintStream out) {
        if (args.length >= 3 && args[0].equals("wrong")) {
            return checkWrongSolution(args[1], Path.of(args[2]), Set.copyOf(List.of(args).subList(3, args.length)), out);
        }
        if (args.length < 2 || !(args[0].equals("reference") || args[0].equals("skeleton"))) {
            out.println("usage: WorkbookCheck reference|skeleton MODULE_DIR...   or   WorkbookCheck wrong N.M MODULE_DIR [USER...]");
            return 2;
        }
        boolean reference = args[0].equals("reference");
        List<String> problems = new ArrayList<>();
        int modulesChecked = 0;
        for (int i = 1; i < args.length; i++) {
            Path module = Path.of(args[i]);
            Optional<ExerciseCatalog> catalog = loadCatalog(module);
            List<TestRecord> records = ModuleScore.readResults(module);
            if (catalog.isEmpty()) {
                if (!records.isEmpty() || hasTestSources(module)) {
                    problems.add(module + ": has tests but no exercise catalog (META-INF/services/" + ExerciseCatalog.class.getName() + ")");
                } else {
                    out.println("note: " + module + " has no exercises yet");
                }
                continue;
            }
            modulesChecked++;
            ModuleScore score = ModuleScore.of(catalog.get(), records);
            score.unregistered().forEach(r -> problems.add(module + ": test " + r.testClass() + "." + r.test()
                    + " grades no registered exercise ('" + r.exercise() + "')"));
            for (ExerciseScore exercise : score.exercises()) {
                String id = exercise.spec().id();
                if (exercise.tests().stream().noneMatch(t -> !t.hidden())) {
                    problems.add(module + ": exercise " + id + " has no visible test");
                }
                if (exercise.tests().stream().noneMatch(TestRecord::hidden)) {
                    problems.add(module + ": exercise " + id + " has no hidden test (or hidden tests were not run)");
                }
                for (TestRecord test : exercise.tests()) {
                    boolean passed = test.status() == TestRecord.Status.PASSED;
                    if (reference && !passed) {
                        problems.add(module + ": the reference fails " + id + " " + test.testClass() + "." + test.test()
                                + " [" + test.status() + "] " + test.message());
                    }
                    if (!reference && passed) {
                        problems.add(module + ": the skeleton passes " + id + " " + test.testClass() + "." + test.test()
                                + " (a free point: the test must fail until the exercise is done)");
                    }
                }
            }
            out.printf("%s: %d exercises, %d tests, %d/%d points%n", module, score.exercises().size(),
                    records.size(), score.pointsEarned(), score.pointsPossible());
        }
        if (modulesChecked == 0) {
            problems.add("no module with exercises was checked");
        }
        if (!problems.isEmpty()) {
            out.println((reference ? "Reference" : "Skeleton") + " check FAILED:");
            problems.forEach(p -> out.println("  - " + p));
            return 1;
        }
        out.println((reference ? "Reference" : "Skeleton") + " check passed: "
                + (reference ? "every test passes and every exercise has visible and hidden tests"
                        : "no graded test passes on the skeleton"));
        return 0;
    }

    private static int checkWrongSolution(String exerciseId, Path module, Set<String> users, PrintStream out) {
        ExerciseCatalog catalog = loadCatalog(module).orElseThrow(() ->
                new IllegalStateException(module + " has no exercise catalog in target/test-classes: was it built?"));
        ModuleScore score = ModuleScore.of(catalog, ModuleScore.readResults(module));
        List<String> problems = new ArrayList<>();
        List<String> usersThatLost = new ArrayList<>();
        if (catalog.find(exerciseId).isEmpty()) {
            problems.add("exercise " + exerciseId + " is not registered in " + module);
        }
        for (ExerciseScore exercise : score.exercises()) {
            boolean target = exercise.spec().id().equals(exerciseId);
            if (target && exercise.done()) {
                problems.add("the wrong solution for " + exerciseId + " passes every test of that exercise: the tests do not catch it");
            }
            if (!target && !exercise.done() && users.contains(exercise.spec().id())) {
                usersThatLost.add(exercise.spec().id());
            } else if (!target && !exercise.done()) {
                problems.add("exercise " + exercise.spec().id() + " lost its points too: " + exercise.firstProblem()
                        .map(t -> t.testClass() + "." + t.test() + " [" + t.status() + "] " + t.message()).orElse("no tests ran"));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println("  - " + p));
            return 1;
        }
        String caughtBy = score.exercises().stream().filter(e -> e.spec().id().equals(exerciseId)).findFirst()
                .flatMap(ExerciseScore::firstProblem).map(t -> t.testClass().replaceAll(".*\\.", "") + "." + t.test())
                .orElse("?");
        out.println("caught: exercise " + exerciseId + " loses its points (first failing test: " + caughtBy + "); "
                + (usersThatLost.isEmpty() ? "the other exercises keep theirs"
                        : "so does " + String.join(", ", usersThatLost) + ", which uses " + exerciseId
                                + "'s code by design; the other exercises keep theirs"));
        return 0;
    }

    private static boolean hasTestSources(Path module) {
        try (var files = Files.walk(module.resolve("src"))) {
            return files.anyMatch(f -> f.toString().endsWith("Test.java"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<ExerciseCatalog> loadCatalog(Path module) {
        Path testClasses = module.resolve("target/test-classes");
        if (!Files.isDirectory(testClasses)) {
            return Optional.empty();
        }
        try {
            URL[] urls = {testClasses.toUri().toURL(), module.resolve("target/classes").toUri().toURL()};
            URLClassLoader loader = new URLClassLoader(urls, WorkbookCheck.class.getClassLoader());
            return ServiceLoader.load(ExerciseCatalog.class, loader).findFirst();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
