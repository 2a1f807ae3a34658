package workbook.join;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import workbook.process.ExitStatus;

/**
 * Exercise 2.2: join with a timeout, Python's {@code p.join(timeout)}.
 *
 * <p>A bounded wait answers "has it finished within this long?" and nothing more. It does not stop the
 * child: when the time is up the child carries on, and the caller decides what to do next (wait again,
 * ask it to stop, or leave it).
 */
public final class BoundedJoin {

    private BoundedJoin() {
    }

    /**
     * Waits at most {@code timeout} for {@code child} to end.
     *
     * @param child a started process
     * @param timeout how long to wait at most; {@link Duration#ZERO} only looks
     * @return how the child ended, or empty if it was still running when the time was up (it is left
     *         running)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the timeout is negative
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public static Optional<ExitStatus> waitAtMost(Process child, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(child, "child must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null: use Process.waitFor() to wait without a limit");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout.toMillis()
                    + " ms: pass Duration.ZERO to look without waiting");
        }
        if (child.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.of(new ExitStatus(child.exitValue()));
        }
        return Optional.empty();
    }
}
