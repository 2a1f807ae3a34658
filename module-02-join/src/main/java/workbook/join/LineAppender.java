package workbook.join;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import workbook.exercise.Todo;

/**
 * Exercise 2.5: appends whole lines to a file that other processes append to at the same time.
 *
 * <p>Many processes hold a {@code LineAppender} on the same file at once; no line may be torn (mixed
 * with another process's bytes) or lost. The lesson explains what makes that safe and what does not.
 */
public final class LineAppender implements Closeable {

    /**
     * Opens {@code file} for appending, creating it if it does not exist.
     *
     * @param file the shared file
     * @throws NullPointerException if {@code file} is null
     * @throws IOException if the file cannot be opened
     */
    public LineAppender(Path file) throws IOException {
        throw new Todo("2.5");
    }

    /**
     * Appends {@code line} and a line break ({@code \n}), encoded as UTF-8, as one write, so that the
     * line is whole in the file, and visible to any reader, when this method returns.
     *
     * @param line the text of the line, without a line break
     * @throws NullPointerException if {@code line} is null
     * @throws IllegalArgumentException if {@code line} contains a line break ({@code \n} or {@code \r})
     * @throws IOException if the write fails (for instance after {@link #close()})
     */
    public void append(String line) throws IOException {
        throw new Todo("2.5");
    }

    /**
     * Closes the file. Nothing is lost: every appended line is already in the file.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        throw new Todo("2.5");
    }
}
