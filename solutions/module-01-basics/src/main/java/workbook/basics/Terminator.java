package workbook.basics;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Exercise 1.6: stop a child and be sure it is gone.
 *
 * <p>{@link Process#destroy()} only <em>asks</em>: on Unix it sends SIGTERM, and a JVM receiving it runs
 * its shutdown hooks before it exits, which takes time and may never finish. Right after
 * {@code destroy()} the child is usually still alive, so {@code isAlive()} at that moment proves
 * nothing. The dependable sequence is: ask, wait a bounded time, and if the child is still there, kill it
 * ({@link Process#destroyForcibly()}, SIGKILL, which cannot be refused) and wait for that too.
 */
public final class Terminator {

    /** SIGKILL cannot be refused, but the kernel still needs a moment to tear a process down. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private Terminator() {
    }

    /**
     * Stops {@code process}: a polite request first, then, if it has not ended within {@code grace}, a
     * forcible kill. Returns only once the process has ended, so {@code process.isAlive()} is false
     * afterwards.
     *
     * @param process the child to stop
     * @param grace how long the child may take to end after the polite request
     * @return what it took
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code grace} is negative
     * @throws IllegalStateException if the process survived even the forcible kill for 10 s
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public static StopOutcome stop(Process process, Duration grace) throws InterruptedException {
        Objects.requireNonNull(process, "process must not be null");
        Objects.requireNonNull(grace, "grace must not be null");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        if (!process.isAlive()) {
            return StopOutcome.ALREADY_ENDED;
        }

        process.destroy();
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return StopOutcome.ENDED_POLITELY;
        }
        process.destroyForcibly();
        if (!process.waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " was still alive " + AFTER_KILL.toSeconds()
                    + " s after a forcible kill");
        }
        return StopOutcome.KILLED;
    }
}
