package workbook.join;

import java.time.Duration;
import java.util.List;
import workbook.exercise.Todo;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/**
 * Exercise 2.4: join a group of children with one deadline for the whole group, and give up on the
 * group as soon as one child fails. Build it on {@link JvmProcess#onExit()}.
 */
public final class Supervisor {

    private Supervisor() {
    }

    /**
     * Starts every child and waits until all have ended successfully, all within {@code deadline},
     * counted from the call.
     *
     * <p>When a child ends with a non-zero exit value, the others are stopped at once and a
     * {@link ChildFailedException} names the failed child. When the deadline passes first, every child
     * still running is stopped and a {@link DeadlineExceededException} names them. When a child cannot
     * be started, the children already started are stopped and the start's exception is thrown. In
     * every case nothing is left running when this method returns or throws. Bad input is rejected
     * before any child is started.
     *
     * @param children children that have not been started; at least one
     * @param deadline how long the whole group may take; positive
     * @return the exit status of each child (all successful), in the order of {@code children}
     * @throws NullPointerException if an argument, or an element of the list, is null
     * @throws IllegalArgumentException if the list is empty or the deadline is not positive
     * @throws ChildFailedException if a child ended without success
     * @throws DeadlineExceededException if the children did not all end within the deadline
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public static List<ExitStatus> runAll(List<? extends JvmProcess> children, Duration deadline) throws InterruptedException {
        throw new Todo("2.4");
    }
}
