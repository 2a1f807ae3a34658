package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class StudentCodeTest {

    /** Stands for a class of the student's: the test pretends it was compiled from src/main/java. */
    static final class Parser {
        static int parse(String text) {
            return Integer.parseInt(text); // the JDK throws; this frame is the student's line
        }
    }

    @Test
    void findsTheFirstFrameInTheStudentsCodeBehindJdkFrames(@TempDir Path module) throws IOException {
        Path classes = pretendCompiled(module, Parser.class);
        NumberFormatException failure = null;
        try {
            Parser.parse("not a number");
        } catch (NumberFormatException e) {
            failure = e;
        }

        String where = StudentCode.locate(failure, classes).orElseThrow();

        assertThat(failure.getStackTrace()[0].getClassName()).as("the first frame is the JDK's").startsWith("java.");
        assertThat(where).matches("src/main/java/workbook/testsupport/StudentCodeTest\\.java:\\d+ \\(StudentCodeTest\\.Parser\\.parse\\)");
    }

    @Test
    void looksIntoCauses(@TempDir Path module) throws IOException {
        Path classes = pretendCompiled(module, Parser.class);
        RuntimeException wrapped;
        try {
            Parser.parse("x");
            throw new AssertionError("parse accepted x");
        } catch (NumberFormatException e) {
            wrapped = new RuntimeException("while reading the config", e);
        }

        assertThat(StudentCode.locate(wrapped, classes)).hasValueSatisfying(w -> assertThat(w).contains("Parser.parse"));
    }

    @Test
    void aFailureThatNeverReachedTheStudentsCodeHasNoLine(@TempDir Path module) throws IOException {
        Path classes = Files.createDirectories(module.resolve("target/classes"));

        assertThat(StudentCode.locate(new AssertionError("expected 3 but was 4"), classes)).isEmpty();
    }

    @Test
    void linesAreWrittenAndReadBackPerTest(@TempDir Path module) {
        TestRecord record = new TestRecord("1.1", "a.BTest", "starts (starts())", false, TestRecord.Status.FAILED, "x");
        StudentCode.write(module.resolve(ResultsRecorder.RESULTS_FOLDER), "a.BTest",
                java.util.Map.of(record.test(), "src/main/java/a/B.java:7 (B.go)"));

        assertThat(StudentCode.lineOf(module, record)).contains("src/main/java/a/B.java:7 (B.go)");
        assertThat(StudentCode.lineOf(module, new TestRecord("1.1", "a.BTest", "other ()", false, TestRecord.Status.FAILED, "")))
                .isEmpty();
    }

    private static Path pretendCompiled(Path module, Class<?> type) throws IOException {
        Path classes = module.resolve("target/classes");
        Path file = classes.resolve(type.getName().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        return classes;
    }
}
