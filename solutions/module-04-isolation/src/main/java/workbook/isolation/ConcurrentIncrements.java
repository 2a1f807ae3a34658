package workbook.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import workbook.process.JvmProcess;

/**
 * Exercise 4.6: many processes increment one counter file at the same time.
 *
 * <p>This is the experiment of the lesson: with {@link FileCounter#incrementUnlocked(Path)} the final
 * value falls short of {@code processes × incrementsEach}; with {@link FileCounter#incrementLocked(Path)}
 * it is exact. The processes must run <em>at the same time</em> (start them all, then wait for them
 * all): one after the other, they would never collide, and the experiment would show nothing.
 */
public final class ConcurrentIncrements {

    /** The most processes one run may start. */
    public static final int MAX_PROCESSES = 64;

    private ConcurrentIncrements() {
    }

    /**
     * Starts {@code processes} child JVMs at once; each calls {@code update} on {@code counterFile}
     * {@code incrementsEach} times. Waits for all of them, then returns the value the file holds.
     * The counter starts from what the file holds (a missing or empty file counts as 0).
     *
     * @param counterFile the counter file, shared by all the children
     * @param processes how many children to start, from 1 to {@link #MAX_PROCESSES}
     * @param incrementsEach how many increments each child performs, at least 1
     * @param update how a child increments the counter once
     * @return the counter's value after every child has ended
     * @throws NullPointerException if {@code counterFile} or {@code update} is null
     * @throws IllegalArgumentException if {@code processes} or {@code incrementsEach} is out of range
     * @throws IllegalStateException if a child fails (the message names it and how it ended)
     * @throws java.io.IOException if the counter file cannot be read at the end
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public static long runConcurrently(Path counterFile, int processes, int incrementsEach, CounterUpdate update)
            throws java.io.IOException, InterruptedException {
        Objects.requireNonNull(counterFile, "counterFile must not be null");
        Objects.requireNonNull(update, "update must not be null: pass FileCounter::incrementLocked, for instance");
        if (processes < 1 || processes > MAX_PROCESSES) {
            throw new IllegalArgumentException("processes must be between 1 and " + MAX_PROCESSES + ", got " + processes);
        }
        if (incrementsEach < 1) {
            throw new IllegalArgumentException("incrementsEach must be at least 1, got " + incrementsEach);
        }

        // Start them all first, so that they run at the same time...
        String file = counterFile.toString();
        List<JvmProcess> children = new ArrayList<>();
        for (int i = 1; i <= processes; i++) {
            JvmProcess child = new JvmProcess("incrementer-" + i, () -> incrementRepeatedly(update, Path.of(file), incrementsEach));
            child.start();
            children.add(child);
        }
        // ...then wait for every one of them, not only the last.
        List<String> failures = new ArrayList<>();
        for (JvmProcess child : children) {
            child.join();
            var status = child.exitStatus().orElseThrow();
            if (!status.isSuccess()) {
                failures.add(child.name() + " (pid " + child.pid() + ") " + status);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + processes + " incrementing children failed: "
                    + String.join("; ", failures));
        }
        return FileCounter.read(counterFile);
    }

    /** Runs in each child. */
    private static void incrementRepeatedly(CounterUpdate update, Path counterFile, int times) {
        try {
            for (int i = 0; i < times; i++) {
                update.increment(counterFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not increment " + counterFile, e);
        }
    }
}
