package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.exercise.Todo;

@Timeout(10)
class ReadableFailuresTest {

    /** Stands for a skeleton class of the student's. */
    static final class Skeleton {
        static void exercise(String id) {
            throw new Todo(id);
        }
    }

    @Test
    void aTodoReachedThroughWrappersBecomesExerciseNotStartedWithTheLessonAndTheLine(@TempDir Path root) throws IOException {
        String id = ThreadLocalRandom.current().nextInt(1, 6) + "." + ThreadLocalRandom.current().nextInt(1, 9);
        Path module = studentModule(root, "## Exercise " + id + ": Do it\n");
        Throwable failure;
        try {
            Skeleton.exercise(id);
            throw new AssertionError("the skeleton did not throw");
        } catch (Todo todo) {
            failure = new IllegalStateException("child failed", new RuntimeException(todo));
        }

        Throwable readable = ReadableFailures.readable(failure, module);

        String anchor = "exercise-" + id.replace(".", "") + "-do-it";
        assertThat(readable).isInstanceOf(ExerciseNotStarted.class)
                .hasMessageStartingWith("exercise " + id + " is not implemented yet: see module-09-sample/README.md#" + anchor)
                .hasMessageContaining("ReadableFailuresTest.java:")
                .hasNoCause();
        assertThat(readable.getStackTrace()).singleElement()
                .satisfies(frame -> assertThat(frame.getClassName()).isEqualTo(Skeleton.class.getName()));
        assertThat(((ExerciseNotStarted) readable).exerciseId()).isEqualTo(id);
    }

    @Test
    void aTodoReportedInAnAssertionMessageIsRecognisedToo(@TempDir Path root) throws IOException {
        Path module = studentModule(root, "");
        AssertionError assertj = new AssertionError("\nExpecting actual throwable to be an instance of:\n  java.lang.IllegalArgumentException\n"
                + "but was:\n  workbook.exercise.Todo: exercise 4.2 is not implemented yet: replace ...\n"
                + "\tat " + Skeleton.class.getName() + ".exercise(ReadableFailuresTest.java:21)\n");

        Throwable readable = ReadableFailures.readable(assertj, module);

        assertThat(readable).isInstanceOf(ExerciseNotStarted.class)
                .hasMessage("exercise 4.2 is not implemented yet: see module-09-sample/README.md (the TODO to replace is at ReadableFailuresTest.java:21)");
    }

    @Test
    void otherFailuresKeepTheirMessageAndLoseOnlyTheMachineryFrames(@TempDir Path root) throws IOException {
        Path module = studentModule(root, "");
        AssertionError failure = new AssertionError("child 4242 was still alive 2 s after terminate()");
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.assertj.core.api.AbstractAssert", "isTrue", "AbstractAssert.java", 10),
            new StackTraceElement("workbook.basics.TerminatorTest", "stops", "TerminatorTest.java", 42),
            new StackTraceElement("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, 103),
            new StackTraceElement("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", null, 1)});

        Throwable readable = ReadableFailures.readable(failure, module);

        assertThat(readable).isSameAs(failure).hasMessage("child 4242 was still alive 2 s after terminate()");
        assertThat(Arrays.stream(readable.getStackTrace()).map(StackTraceElement::getClassName))
                .containsExactly("workbook.basics.TerminatorTest");
    }

    @Test
    void aTestThatReachesATodoFailsWithTheReadableMessage() {
        ReadableFailures handler = new ReadableFailures();

        assertThatThrownBy(() -> handler.handleTestExecutionException(null, new Todo("1.1")))
                .isInstanceOf(ExerciseNotStarted.class)
                .hasMessageStartingWith("exercise 1.1 is not implemented yet: see ");
    }

    private static Path studentModule(Path root, String readme) throws IOException {
        Path module = Files.createDirectories(root.resolve("module-09-sample"));
        if (!readme.isEmpty()) {
            Files.writeString(module.resolve("README.md"), readme);
        }
        Path classFile = module.resolve("target/classes/" + Skeleton.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(classFile.getParent());
        Files.write(classFile, new byte[0]);
        return module;
    }
}
