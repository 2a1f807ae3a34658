package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("2.5")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class LineAppenderTest {

    @TempDir
    Path dir;

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    @Test
    void eachLineIsInTheFileWhenAppendReturns() throws Exception {
        Path file = dir.resolve("lines.txt");
        List<String> expected = new ArrayList<>();
        try (LineAppender appender = new LineAppender(file)) {
            for (String line : List.of("first line", "second line", "third line")) {
                appender.append(line);
                expected.add(line);
                assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                        .as("the file right after append(\"%s\") returned: a line still in a buffer of this process"
                                + " is invisible to the others and will be written later, in pieces", line)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void appendsToWhatIsAlreadyThere() throws Exception {
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "written before\n");
        try (LineAppender appender = new LineAppender(file)) {
            appender.append("appended");
        }
        assertThat(Files.readAllLines(file))
                .as("opening the file must not truncate it")
                .containsExactly("written before", "appended");
    }

    @Test
    void rejectsALineWithALineBreak() throws Exception {
        try (LineAppender appender = new LineAppender(dir.resolve("lines.txt"))) {
            assertThatThrownBy(() -> appender.append("two\nlines"), "a line containing '\\n' is an IllegalArgumentException")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> appender.append(null), "a null line is a NullPointerException")
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void twentyProcessesAppendFiveHundredLinesEachAndNoneIsTornOrLost() throws Exception {
        SharedFile.appendConcurrently(dir, 20, 500, 100, children);
    }
}
