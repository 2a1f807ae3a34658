package workbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the result of every test, with the exercise it grades, to
 * {@code target/workbook-results/<test class>.tsv}: the record that the scoreboard and the grader read.
 *
 * <p>Every planned test is written first as {@code missing} and overwritten when its class finishes,
 * so a test JVM that dies half-way (a {@code System.exit} in student code, say) leaves visible
 * failures rather than silently fewer tests. Loaded by the JUnit Platform through
 * {@code META-INF/services}.
 *
 * <p>For a failed test it also notes the line of the student's code the failure went through (see
 * {@link StudentCode}), for the scoreboard. When only some exercises run ({@code -Dexercise=1.3}, see
 * {@link ExerciseFilter}), the results of the other exercises in the same files are kept, so that the
 * scoreboard still shows them as they were last seen.
 */
public final class ResultsRecorder implements TestExecutionListener {

    /** The folder, under the module's directory, that holds one results file per test class. */
    public static final String RESULTS_FOLDER = "target/workbook-results";
    /**
     * The stamp, in the results folder, that says a test run started: the {@link ScoreboardAtExit} removes it
     * when a module's build starts, so that the board can tell a build that ran tests from one that only
     * compiled.
     */
    public static final String TESTS_RAN = "tests-ran.stamp";
    /**
     * The stamp, in the results folder, that asks the next test run to forget the earlier results: the
     * {@link ScoreboardAtExit} writes it when a full Maven build (no {@code -Dexercise}) of the module starts.
     * A test run without it (one test class run from an IDE) keeps the results of the other classes.
     */
    static final String FORGET = "forget-earlier-results.stamp";

    /**
     * The lock, in the results folder, that the test JVMs of one module take in turn while they start a test plan:
     * several run at once (Surefire's {@code forkCount}), each starting a plan for every class it is handed, and
     * only the first may forget the earlier results (see {@link #FORGET}), before any of them writes its own.
     */
    static final String LOCK = "results.lock";

    private final Map<String, Map<String, TestRecord>> byClass = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> studentLines = new LinkedHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        Path folder = resultsFolder();
        try {
            Files.createDirectories(folder);
            try (FileChannel lock = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                lock.lock(); // held until the channel is closed
                startPlan(plan);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook's test results to " + folder, e);
        }
    }

    private void startPlan(TestPlan plan) {
        if (ExerciseSelection.fromSystemProperty().isEmpty() && Files.exists(resultsFolder().resolve(FORGET))) {
            forgetEarlierResults(resultsFolder());
        }
        stampTestsRan();
        keepEarlierResultsOfExercisesNotRun(plan);
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest()) {
                    methodOf(test).ifPresent(method -> {
                        TestRecord planned = TestRecord.of(method, test.getDisplayName(), TestRecord.Status.MISSING,
                                "no result: the test JVM stopped before this test finished (System.exit or a crash?)");
                        byClass.computeIfAbsent(planned.testClass(), c -> new LinkedHashMap<>()).put(test.getUniqueId(), planned);
                    });
                }
            }
        }
        byClass.keySet().forEach(this::write);
        byClass.keySet().forEach(testClass -> StudentCode.write(resultsFolder(), testClass,
                studentLines.computeIfAbsent(testClass, c -> new LinkedHashMap<>())));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, TestRecord.Status.SKIPPED, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            TestRecord.Status status = switch (result.getStatus()) {
                case SUCCESSFUL -> TestRecord.Status.PASSED;
                case ABORTED -> TestRecord.Status.SKIPPED;
                case FAILED -> TestRecord.Status.FAILED;
            };
            record(test, status, result.getThrowable().map(ResultsRecorder::firstLine).orElse(""));
            result.getThrowable()
                    .flatMap(failure -> StudentCode.locate(failure, moduleDirectory().resolve("target/classes")))
                    .ifPresent(where -> noteStudentLine(test, where));
        }
    }

    /**
     * A full run starts from no results, so that the board never mixes in results of tests that did not
     * run this time (a renamed class, the hidden tests of an earlier grading run). A run limited with
     * {@code -Dexercise} keeps them: the board shows the other exercises as last seen, and says so. A build
     * that runs no test at all ({@code test-compile}, {@code -DskipTests}) never gets here and keeps them too,
     * and so does a run outside a full Maven build (see {@link #FORGET}).
     */
    static void forgetEarlierResults(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv") || f.toString().endsWith(StudentCode.WHERE_SUFFIX)
                    || f.getFileName().toString().equals(FORGET)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the earlier test results in " + folder + "; delete the folder and run again", e);
        }
    }

    private static void stampTestsRan() {
        Path folder = resultsFolder();
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(TESTS_RAN), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook's test results to " + folder, e);
        }
    }

    private void noteStudentLine(TestIdentifier test, String where) {
        methodOf(test).ifPresent(method -> {
            TestRecord failed = TestRecord.of(method, test.getDisplayName(), TestRecord.Status.FAILED, "");
            studentLines.computeIfAbsent(failed.testClass(), c -> new LinkedHashMap<>()).put(failed.test(), where);
            StudentCode.write(resultsFolder(), failed.testClass(), studentLines.get(failed.testClass()));
        });
    }

    /**
     * In a run limited to some exercises, the planned tests are a subset: records of other exercises
     * already in a class's file are carried over instead of being dropped when the file is rewritten.
     */
    private void keepEarlierResultsOfExercisesNotRun(TestPlan plan) {
        Optional<List<String>> selection = ExerciseSelection.fromSystemProperty();
        if (selection.isEmpty()) {
            return;
        }
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                methodOf(test).ifPresent(method -> carryOver(method.getDeclaringClass().getName(), selection.get()));
            }
        }
    }

    private void carryOver(String testClass, List<String> selection) {
        if (byClass.containsKey(testClass)) {
            return;
        }
        Map<String, TestRecord> kept = new LinkedHashMap<>();
        byClass.put(testClass, kept);
        Path file = resultsFolder().resolve(testClass + ".tsv");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(TestRecord::parse)
                    .filter(r -> !ExerciseSelection.matches(r.exercise(), selection))
                    .forEach(r -> kept.put("earlier run: " + r.test(), r));
            Map<String, String> earlierLines = StudentCode.readAll(resultsFolder(), testClass);
            Map<String, String> keptLines = studentLines.computeIfAbsent(testClass, c -> new LinkedHashMap<>());
            kept.values().forEach(r -> {
                if (earlierLines.containsKey(r.test())) {
                    keptLines.put(r.test(), earlierLines.get(r.test()));
                }
            });
        } catch (IOException | RuntimeException unreadable) {
            // An unreadable earlier file is simply replaced by this run's results.
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        byClass.keySet().forEach(this::write);
    }

    private void record(TestIdentifier test, TestRecord.Status status, String message) {
        methodOf(test).ifPresent(method -> {
            TestRecord done = TestRecord.of(method, test.getDisplayName(), status, message);
            byClass.computeIfAbsent(done.testClass(), c -> new LinkedHashMap<>()).put(test.getUniqueId(), done);
            write(done.testClass());
        });
    }

    private void write(String testClass) {
        List<String> lines = new ArrayList<>();
        lines.add(TestRecord.HEADER);
        byClass.get(testClass).values().forEach(r -> lines.add(r.toLine()));
        Path folder = resultsFolder();
        try {
            Files.createDirectories(folder);
            // getBytes replaces what UTF-8 cannot encode (a lone surrogate left by a cut message) instead of throwing.
            String text = String.join("\n", lines) + "\n";
            Files.write(folder.resolve(testClass + ".tsv"), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook's test results to " + folder, e);
        }
    }

    private static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", "."));
    }

    private static Path resultsFolder() {
        return moduleDirectory().resolve(RESULTS_FOLDER);
    }

    private static Optional<Method> methodOf(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource methodSource) {
            try {
                return Optional.of(methodSource.getJavaMethod());
            } catch (RuntimeException unloadable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * @return the failure's type and the first line of its message; when that line is only an assertion's
     *     description ({@code [the rule]}, as AssertJ puts it on a line of its own), the next two lines too, so
     *     that the board shows the rule and then what was expected and what came
     */
    static String firstLine(Throwable failure) {
        List<String> lines = String.valueOf(failure.getMessage()).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String first = lines.isEmpty() ? "" : lines.get(0);
        boolean onlyADescription = first.startsWith("[") && first.endsWith("]");
        String shown = onlyADescription ? String.join(" ", lines.subList(0, Math.min(3, lines.size()))) : first;
        return failure.getClass().getSimpleName() + ": " + shown;
    }
}
