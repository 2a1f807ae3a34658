package workbook.join;

import java.nio.file.Path;
import workbook.exercise.Todo;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/**
 * Exercise 2.1: join turns asynchronous work into synchronous work.
 *
 * <p>{@code start()} returns at once: from then on parent and child run side by side. {@code join()} is
 * the one place where the parent waits; the event log makes the resulting order visible.
 */
public final class Handoff {

    /** The event the parent records as soon as {@code start()} has returned. */
    public static final String CHILD_STARTED = "parent: child started";

    /** The event the parent records once {@code join()} has returned. */
    public static final String CHILD_JOINED = "parent: child joined";

    private Handoff() {
    }

    /**
     * Starts {@code child}, records {@link #CHILD_STARTED} in the event log straight away (without
     * waiting for the child), then joins the child and records {@link #CHILD_JOINED}.
     * Use {@link EventLog#record(Path, String)} to record an event.
     *
     * @param child a child that has not been started
     * @param eventLog the log file the parent (and possibly the child) write events to
     * @return how the child ended
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code start()} rejects the child (it cannot be carried to a child
     *         JVM); nothing is recorded then, since the child never started
     * @throws InterruptedException if this thread is interrupted while joining
     */
    public static ExitStatus startAndJoin(JvmProcess child, Path eventLog) throws InterruptedException {
        throw new Todo("2.1");
    }
}
