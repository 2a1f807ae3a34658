package workbook.basics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Exercise 1.2: start a child and keep going.
 *
 * <p>Creating a process is asynchronous: {@link ProcessBuilder#start()} returns as soon as the
 * operating system has created the child, long before the child has done anything. The parent and
 * the child then run side by side; the parent waits only if it chooses to (module 02).
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * Starts {@code command} and returns at once, without waiting for the child to do anything.
     *
     * <p>The child's standard output and error are discarded: nobody reads them here, and a child whose
     * output pipe is full and unread would block. Its standard input is an open pipe, as
     * {@link ProcessBuilder} leaves it.
     *
     * @param command the program and its arguments, one element each
     * @return the running child
     * @throws NullPointerException if {@code command} is null
     * @throws IllegalArgumentException if {@code command} is empty
     * @throws UncheckedIOException if the program cannot be started (the message names it)
     */
    public static Process startInBackground(List<String> command) {
        Objects.requireNonNull(command, "command must not be null");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must name at least the program to run; it was empty");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }
}
