package workbook.testsupport;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import workbook.exercise.Todo;

/**
 * Makes a failure short enough to read.
 *
 * <ul>
 *   <li>A {@link Todo} that was reached, even wrapped in another exception, becomes an
 *       {@link ExerciseNotStarted}: "exercise 1.3 is not implemented yet: see
 *       module-01-basics/README.md#…", with the TODO's line as its only stack frame.</li>
 *   <li>Any other failure keeps its message and its causes, but its stack traces lose the frames of
 *       JUnit, AssertJ, Awaitility, reflection and the JDK's internals: what is left are the lines of
 *       the test and of the student's code, the ones worth reading.</li>
 * </ul>
 *
 * <p>Registered for every test by JUnit's extension auto-detection, like {@link LeakedProcessGuard}.
 */
public final class ReadableFailures implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** Frames from these packages are machinery between the test and the code it checks. */
    private static final List<String> MACHINERY = List.of(
            "org.junit.", "org.opentest4j.", "org.assertj.", "org.awaitility.", "org.apache.maven.surefire.",
            "java.lang.reflect.", "jdk.internal.", "sun.reflect.", "java.util.concurrent.", "java.lang.Thread");

    /**
     * An assertion that caught the TODO and reports it in its message, as AssertJ's
     * {@code assertThatThrownBy(...).isInstanceOf(...)} does, without keeping it as the cause.
     */
    private static final Pattern TODO_IN_MESSAGE =
            Pattern.compile(Pattern.quote(Todo.class.getName()) + ": exercise (\\d+\\.\\d+) is not implemented yet");
    private static final Pattern FRAME_IN_MESSAGE =
            Pattern.compile("at ([\\w.$]+)\\.([\\w$<>]+)\\(([^:()]+):(\\d+)\\)");

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw readable(throwable, moduleDirectory());
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw readable(throwable, moduleDirectory());
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw readable(throwable, moduleDirectory());
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw readable(throwable, moduleDirectory());
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw readable(throwable, moduleDirectory());
    }

    /** @return the module under test: Surefire runs the tests with {@code basedir} set to it */
    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /**
     * @param failure what the test threw
     * @param module the module's folder
     * @return the failure to report instead
     */
    static Throwable readable(Throwable failure, Path module) {
        Path classes = module.resolve("target/classes");
        Optional<Todo> todo = findTodo(failure);
        if (todo.isPresent()) {
            String id = todo.get().exerciseId();
            StackTraceElement line = StudentCode.firstStudentFrame(todo.get(), classes).orElse(null);
            return new ExerciseNotStarted(id, Lesson.link(module, id), line);
        }
        Matcher reported = TODO_IN_MESSAGE.matcher(String.valueOf(failure.getMessage()));
        if (reported.find()) {
            String id = reported.group(1);
            return new ExerciseNotStarted(id, Lesson.link(module, id), frameInMessage(failure.getMessage(), reported.end(), classes));
        }
        trim(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
        return failure;
    }

    /** @return the first frame printed in a message, after {@code from}, that is in the student's code */
    static StackTraceElement frameInMessage(String message, int from, Path classes) {
        Matcher frame = FRAME_IN_MESSAGE.matcher(message);
        frame.region(from, message.length());
        while (frame.find()) {
            StackTraceElement element = new StackTraceElement(frame.group(1), frame.group(2), frame.group(3), Integer.parseInt(frame.group(4)));
            if (StudentCode.isStudents(element, classes)) {
                return element;
            }
        }
        return null;
    }

    static Optional<Todo> findTodo(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof Todo todo) {
                return Optional.of(todo);
            }
        }
        return Optional.empty();
    }

    private static void trim(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return;
        }
        StackTraceElement[] all = failure.getStackTrace();
        StackTraceElement[] kept = Arrays.stream(all).filter(f -> !isMachinery(f)).toArray(StackTraceElement[]::new);
        if (kept.length > 0 && kept.length < all.length) {
            failure.setStackTrace(kept);
        }
        trim(failure.getCause(), seen);
        for (Throwable suppressed : failure.getSuppressed()) {
            trim(suppressed, seen);
        }
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String className = frame.getClassName();
        return MACHINERY.stream().anyMatch(className::startsWith);
    }
}
