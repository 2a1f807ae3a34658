package workbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 */
public final class ResultsRecorder implements TestExecutionListener {

    /** The folder, under the module's directory, that holds one results file per test class. */
    public static final String RESULTS_FOLDER = "target/workbook-results";

    private final Map<String, Map<String, TestRecord>> byClass = new LinkedHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
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
        Path folder = Path.of(System.getProperty("basedir", "."), RESULTS_FOLDER);
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(testClass + ".tsv"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook's test results to " + folder, e);
        }
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

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        String line = message.lines().findFirst().orElse("");
        return failure.getClass().getSimpleName() + ": " + line;
    }
}
