package workbook.isolation;

import java.nio.file.Path;
import workbook.exercise.Todo;

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
        throw new Todo("4.6");
    }
}
