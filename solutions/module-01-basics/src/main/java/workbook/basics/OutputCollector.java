package workbook.basics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        Objects.requireNonNull(command, "command must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must name at least the program to run; it was empty");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }

        Process child;
        try {
            child = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> stdout = readInBackground(child.getInputStream());
        CompletableFuture<String> stderr = readInBackground(child.getErrorStream());
        try {
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(command.get(0) + " (pid " + child.pid() + ") was still running after "
                        + timeout.toMillis() + " ms and has been killed");
            }
            return new CompletedRun(child.exitValue(), stdout.join(), stderr.join());
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor();
            }
        }
    }

    /** Reads a stream to its end on another thread, so that both pipes are drained at the same time. */
    private static CompletableFuture<String> readInBackground(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OutputCollector::startReaderThread);
    }

    /** A daemon thread: a reader stuck on a pipe that a grandchild keeps open must not keep the JVM alive. */
    private static void startReaderThread(Runnable reader) {
        Thread thread = new Thread(reader, "output-reader");
        thread.setDaemon(true);
        thread.start();
    }
}
