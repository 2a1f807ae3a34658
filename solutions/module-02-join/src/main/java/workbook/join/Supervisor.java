package workbook.join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/**
 * Exercise 2.4: join a group of children with one deadline for the whole group, and give up on the
 * group as soon as one child fails.
 *
 * <p>Joining the children one by one cannot do either: while the parent waits for the first child, it
 * cannot notice that the third has already failed, and a timeout per child adds up to N timeouts.
 * {@code onExit()} turns each child's end into a future; composing the futures gives one thing to wait
 * for ("all ended, or one failed") with one bound.
 */
public final class Supervisor {

    /** How long a child asked to stop politely gets before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

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
        requireChildren(children);
        requireDeadline(deadline);
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        List<JvmProcess> started = new ArrayList<>();
        boolean allSucceeded = false;
        try {
            for (JvmProcess child : children) {
                child.start();
                started.add(child);
            }
            CompletableFuture<JvmProcess> firstFailure = new CompletableFuture<>();
            CompletableFuture<?>[] exits = children.stream()
                    .map(child -> child.onExit().thenAccept(ended -> {
                        if (!ended.exitStatus().orElseThrow().isSuccess()) {
                            firstFailure.complete(ended);
                        }
                    }))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture<Void> allEnded = CompletableFuture.allOf(exits);

            awaitEither(allEnded, firstFailure, deadlineAt, deadline, children);
            if (firstFailure.isDone()) {
                JvmProcess failed = firstFailure.join();
                throw new ChildFailedException(failed, failed.exitStatus().orElseThrow());
            }
            List<ExitStatus> statuses = new ArrayList<>();
            for (JvmProcess child : children) {
                child.join(); // already ended: this only collects the last of its output
                statuses.add(child.exitStatus().orElseThrow());
            }
            allSucceeded = true;
            return statuses;
        } finally {
            if (!allSucceeded) {
                stopAll(started);
            }
        }
    }

    /** Waits for "all ended" or "one failed", whichever comes first, until the one deadline. */
    private static void awaitEither(CompletableFuture<Void> allEnded, CompletableFuture<JvmProcess> firstFailure,
            long deadlineAt, Duration deadline, List<? extends JvmProcess> children) throws InterruptedException {
        try {
            CompletableFuture.anyOf(allEnded, firstFailure).get(deadlineAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            List<String> stillRunning = children.stream().filter(JvmProcess::isAlive).map(JvmProcess::name).toList();
            throw new DeadlineExceededException(deadline, stillRunning);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for the children failed unexpectedly", e.getCause());
        }
    }

    /** Asks every child still running to stop, waits a little, then kills those that did not. */
    private static void stopAll(List<JvmProcess> started) throws InterruptedException {
        for (JvmProcess child : started) {
            if (child.isAlive()) {
                child.terminate();
            }
        }
        for (JvmProcess child : started) {
            if (!endsWithin(child, STOP_GRACE)) {
                child.kill();
                endsWithin(child, STOP_GRACE);
            }
        }
    }

    private static boolean endsWithin(JvmProcess child, Duration limit) throws InterruptedException {
        try {
            child.onExit().get(limit.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for " + child + " failed unexpectedly", e.getCause());
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

    private static void requireDeadline(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline must not be null: give the whole group a time limit");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline.toMillis()
                    + " ms: it is how long the whole group of children may take");
        }
    }
}
