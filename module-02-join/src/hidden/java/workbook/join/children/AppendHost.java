package workbook.join.children;

import java.io.IOException;
import java.nio.file.Path;
import workbook.join.LineAppender;

/**
 * Appends {@link #TEXT} through a {@link LineAppender} in a JVM of its own, so that the test can give
 * that JVM another default charset ({@code -Dfile.encoding=ISO-8859-1}) than the build's UTF-8:
 * {@code AppendHost <file>}.
 */
public final class AppendHost {
    public static final String TEXT = "grüße, 日本, naïve ✓";

    public static void main(String[] args) throws IOException {
        try (LineAppender appender = new LineAppender(Path.of(args[0]))) {
            appender.append(TEXT);
        }
    }
}
