package workbook.basics;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import workbook.exercise.Todo;

/**
 * Exercise 1.4: run a child to completion and collect everything it printed, without deadlock.
 *
 * <p>A child's standard output and error are pipes, and a pipe holds only about 64 KiB. A child that
 * writes more blocks until the parent reads. So a parent that first waits for the child and then reads
 * waits for ever once the output is large: the child waits for the parent to read, the parent waits for
 * the child to exit. Reading one stream to its end before starting the other has the same flaw, since
 * the child may fill the other pipe first. The cure is to read both streams while the child runs.
 */
public final class OutputCollector {

    private OutputCollector() {
    }

    /**
     * Starts {@code command}, reads its standard output and standard error as it runs, and waits for it
     * to exit, at most {@code timeout}.
     *
     * @param command the program and its arguments
     * @param timeout how long the child may run
     * @return the exit value and both outputs, decoded as UTF-8
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code command} is empty or {@code timeout} is negative or zero
     * @throws IllegalStateException if the child was still running after {@code timeout}; it has then been
     *                               killed and has ended before this method throws
     * @throws UncheckedIOException if the child cannot be started
     * @throws InterruptedException if this thread is interrupted while waiting (the child is killed)
     */
    public static CompletedRun run(List<String> command, Duration timeout) throws InterruptedException {
        throw new Todo("1.4");
    }
}
