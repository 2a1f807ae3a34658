package workbook.join;

import java.nio.file.Path;
import java.util.Objects;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/**
 * Exercise 2.1: join turns asynchronous work into synchronous work.
 *
 * <p>{@code start()} returns at once: from then on parent and child run side by side, and nothing says
 * which of them does its next step first. {@code join()} is the one place where the parent stops and
 * waits; everything the parent does after it happens after the child has ended. The event log makes
 * that order visible.
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
        Objects.requireNonNull(child, "child must not be null");
        Objects.requireNonNull(eventLog, "eventLog must not be null");
        child.start();
        // The child is now running on its own: this line is written while it works.
        EventLog.record(eventLog, CHILD_STARTED);
        child.join();
        // Only here is the child certainly finished, so its exit status exists.
        EventLog.record(eventLog, CHILD_JOINED);
        return child.exitStatus().orElseThrow();
    }
}
