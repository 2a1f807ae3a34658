package workbook.join;

import java.util.List;
import workbook.exercise.Todo;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/**
 * Exercise 2.3: start N children, then join all of them.
 *
 * <p>Done right, the group takes about as long as its slowest child, not the sum of all of them, and
 * the results come back in the order the children were given.
 */
public final class JoinAll {

    private JoinAll() {
    }

    /**
     * Starts every child, waits until every one of them has ended, and returns how each ended.
     *
     * <p>The children run at the same time. If a child cannot be started (or the wait is interrupted),
     * the children already started are killed and waited for before the exception leaves this method:
     * nothing is left running. Bad input is rejected before any child is started.
     *
     * @param children children that have not been started; at least one
     * @return the exit status of each child, in the order of {@code children}
     * @throws NullPointerException if the list or one of its elements is null
     * @throws IllegalArgumentException if the list is empty
     * @throws InterruptedException if this thread is interrupted while joining
     */
    public static List<ExitStatus> runAll(List<? extends JvmProcess> children) throws InterruptedException {
        throw new Todo("2.3");
    }
}
