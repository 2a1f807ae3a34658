package workbook.join;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Exercise 2.5: appends whole lines to a file that other processes append to at the same time.
 *
 * <p>Two things keep the lines whole. The file is opened in <em>append mode</em> ({@code O_APPEND}),
 * so the operating system moves every write to the current end of the file, whatever other processes
 * wrote in the meantime. And every line, with its line break, goes to the file in <em>one</em> write
 * call, which the operating system carries out as a unit. Nothing is buffered in this process: a buffer
 * would be written out in chunks whose boundaries fall in the middle of lines, and another process's
 * chunk could land in between.
 */
public final class LineAppender implements Closeable {

    private final OutputStream out;

    /**
     * Opens {@code file} for appending, creating it if it does not exist.
     *
     * @param file the shared file
     * @throws NullPointerException if {@code file} is null
     * @throws IOException if the file cannot be opened
     */
    public LineAppender(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        // FileOutputStream does no buffering of its own: each write(byte[]) is one write to the file.
        this.out = new FileOutputStream(file.toFile(), true);
    }

    /**
     * Appends {@code line} and a line break as one write, so that the line is whole in the file, and
     * visible to any reader, when this method returns.
     *
     * @param line the text of the line, without a line break
     * @throws NullPointerException if {@code line} is null
     * @throws IllegalArgumentException if {@code line} contains a line break
     * @throws IOException if the write fails (for instance after {@link #close()})
     */
    public void append(String line) throws IOException {
        Objects.requireNonNull(line, "line must not be null");
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a line must not contain a line break (append adds one);"
                    + " split the text and append each line separately");
        }
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes the file. Nothing is lost: every appended line is already in the file.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
