package workbook.join;

import java.time.Duration;
import java.util.Optional;
import workbook.exercise.Todo;
import workbook.process.ExitStatus;

/**
 * Exercise 2.2: join with a timeout, Python's {@code p.join(timeout)}.
 *
 * <p>A bounded wait answers "has it finished within this long?" and nothing more: it does not stop the
 * child.
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
     * @throws IllegalArgumentException if the timeout is negative (the message says so)
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public static Optional<ExitStatus> waitAtMost(Process child, Duration timeout) throws InterruptedException {
        throw new Todo("2.2");
    }
}
