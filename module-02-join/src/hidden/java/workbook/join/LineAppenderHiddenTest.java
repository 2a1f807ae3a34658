package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.join.children.AppendHost;
import workbook.process.JavaCommand;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("2.5")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class LineAppenderHiddenTest {

    @TempDir
    Path dir;

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    /** Catches any buffering: a BufferedWriter, a PrintWriter without flush, lines written at close(). */
    @Test
    void everyByteOfEveryLineIsInTheFileWhenAppendReturns() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Path file = dir.resolve("lines.txt");
        long expectedSize = 0;
        try (LineAppender appender = new LineAppender(file)) {
            for (int i = 0; i < 200; i++) {
                int length = random.nextInt(10) == 0 ? random.nextInt(9_000, 20_000) : random.nextInt(0, 300);
                String line = randomText(length);
                appender.append(line);
                expectedSize += line.getBytes(StandardCharsets.UTF_8).length + 1;
                assertThat(Files.size(file))
                        .as("size of the file after append number %d returned (a %d-character line): what is not in the"
                                + " file yet is sitting in a buffer of this process", i + 1, length)
                        .isEqualTo(expectedSize);
            }
        }
    }

    /** Lines longer than 8 KiB: a writer that hands them over in 8 KiB pieces tears them. */
    @Test
    void longLinesFromManyProcessesStayWhole() throws Exception {
        SharedFile.appendConcurrently(dir, 8, 40, 12_000, children);
    }

    @Test
    void twentyFiveWritersOfShortLines() throws Exception {
        SharedFile.appendConcurrently(dir, 25, 500, ThreadLocalRandom.current().nextInt(60, 200), children);
    }

    @Test
    void rejectsCarriageReturnsAndAppendAfterClose() throws Exception {
        LineAppender appender = new LineAppender(dir.resolve("lines.txt"));
        assertThatThrownBy(() -> appender.append("one\rtwo")).isInstanceOf(IllegalArgumentException.class);
        appender.append("kept");
        appender.close();
        assertThatThrownBy(() -> appender.append("after close")).isInstanceOf(IOException.class);
        assertThat(Files.readAllLines(dir.resolve("lines.txt"))).containsExactly("kept");
    }

    @Test
    void rejectsALineThatStartsWithALineBreak() throws Exception {
        try (LineAppender appender = new LineAppender(dir.resolve("lines.txt"))) {
            assertThat(catchThrowable(() -> appender.append("\nstarts with a line feed")))
                    .as("a line whose first character is \\n: a line break anywhere in the line, at index 0 too, is rejected")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(catchThrowable(() -> appender.append("\rstarts with a carriage return")))
                    .as("a line whose first character is \\r: a line break anywhere in the line, at index 0 too, is rejected")
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readAllLines(dir.resolve("lines.txt"))).as("what the rejected lines left in the file").isEmpty();
    }

    private static String randomText(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz 0123456789 éüß 中文 ";
        StringBuilder text = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void encodesAsUtf8WhateverThePlatformsDefaultCharset() throws Exception {
        // The build runs with a UTF-8 default, which hides getBytes() without a charset: append in a JVM whose
        // default is ISO-8859-1.
        Path file = dir.resolve("lines.txt");
        List<String> options = new ArrayList<>(JavaCommand.LEAN_JVM_OPTIONS);
        options.add("-Dfile.encoding=ISO-8859-1");
        Process host = new ProcessBuilder(JavaCommand.forClass(AppendHost.class, options, List.of(file.toString())))
                .redirectErrorStream(true).redirectOutput(dir.resolve("host-output.txt").toFile()).start();
        try {
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).as("the appending JVM ended within 30 s").isTrue();
        } finally {
            host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(host.exitValue()).as("exit value of the appending JVM; its output: %s",
                Files.readString(dir.resolve("host-output.txt"))).isZero();

        assertThat(Files.readAllBytes(file))
                .as("the bytes appended in a JVM whose default charset is ISO-8859-1: encode as UTF-8 explicitly"
                        + " (getBytes(StandardCharsets.UTF_8)), never with the platform's default")
                .isEqualTo((AppendHost.TEXT + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
