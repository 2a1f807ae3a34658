package workbook.join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/**
 * Exercise 2.3: start every child first, then join every child.
 *
 * <p>Two loops, not one. The first loop only starts, so all children run at the same time and the
 * whole group takes about as long as its slowest member. The second loop joins each child in start
 * order; a child that finished early is joined at once, so the order of the joins costs nothing and
 * the results line up with the children that produced them.
 */
public final class JoinAll {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private JoinAll() {
    }

    /**
     * Starts every child, waits until every one of them has ended, and returns how each ended.
     *
     * <p>If a child cannot be started (or the wait is interrupted), the children already started are
     * killed and waited for before the exception leaves this method: nothing is left running.
     *
     * @param children children that have not been started; at least one
     * @return the exit status of each child, in the order of {@code children}
     * @throws NullPointerException if the list or one of its elements is null
     * @throws IllegalArgumentException if the list is empty
     * @throws InterruptedException if this thread is interrupted while joining
     */
    public static List<ExitStatus> runAll(List<? extends JvmProcess> children) throws InterruptedException {
        requireChildren(children);
        List<JvmProcess> started = new ArrayList<>();
        boolean allJoined = false;
        try {
            for (JvmProcess child : children) {
                child.start();
                started.add(child);
            }
            List<ExitStatus> statuses = new ArrayList<>();
            for (JvmProcess child : children) {
                child.join();
                statuses.add(child.exitStatus().orElseThrow());
            }
            allJoined = true;
            return statuses;
        } finally {
            if (!allJoined) {
                killAll(started);
            }
        }
    }

    private static void requireChildren(List<? extends JvmProcess> children) {
        Objects.requireNonNull(children, "children must not be null: pass a list of children to run");
        if (children.isEmpty()) {
            throw new IllegalArgumentException("there are no children to run: pass at least one");
        }
        for (int i = 0; i < children.size(); i++) {
            Objects.requireNonNull(children.get(i), "children[" + i + "] is null: every element must be a child process");
        }
    }

    private static void killAll(List<JvmProcess> started) throws InterruptedException {
        for (JvmProcess child : started) {
            if (child.isAlive()) {
                child.kill();
            }
        }
        for (JvmProcess child : started) {
            child.join(KILL_WAIT);
        }
    }
}
