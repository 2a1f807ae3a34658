package workbook.isolation;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A call of the student's code on a thread of its own, so that a test can interrupt it while it waits and
 * then look at how it ended: the value it returned, or what it threw.
 *
 * @param <T> what the call returns
 */
final class ForeignCall<T> {

    private final Thread thread;
    private volatile Object outcome;
    private volatile boolean ended;

    private ForeignCall(String what, Callable<T> call) {
        thread = new Thread(() -> {
            try {
                outcome = call.call();
            } catch (Throwable thrown) {
                outcome = thrown;
            } finally {
                ended = true;
            }
        }, what);
        thread.setDaemon(true);
    }

    /** Starts {@code call} on a new thread named {@code what}. */
    static <T> ForeignCall<T> start(String what, Callable<T> call) {
        ForeignCall<T> foreign = new ForeignCall<>(what, call);
        foreign.thread.start();
        return foreign;
    }

    Thread thread() {
        return thread;
    }

    boolean hasEnded() {
        return ended;
    }

    /**
     * Waits until the thread is blocked (waiting, as in {@code Process.waitFor}), or has ended.
     *
     * @throws AssertionError if it was still running (busy) after {@code bound}
     */
    void awaitBlocked(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!ended) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " was still busy (" + state + ") after " + bound.toSeconds()
                        + " s instead of waiting for its child");
            }
            Thread.sleep(5);
        }
    }

    /**
     * Waits at most {@code bound} for the call to end.
     *
     * @return what it returned, what it threw, or a sentence saying it was still running (for the assertion's message)
     */
    Object outcome(Duration bound) throws InterruptedException {
        thread.join(bound.toMillis());
        return ended ? outcome : "(still running after " + bound.toSeconds() + " s)";
    }

    /**
     * For a run in which the test could not freeze the child before it ended (a very busy machine): nothing waited,
     * so nothing could be interrupted, and all the run can show is that the call ran to its end without throwing.
     */
    void assertRanToItsEnd() throws InterruptedException {
        Object result = outcome(Duration.ofSeconds(10));
        if (!ended || result instanceof Throwable) {
            throw new AssertionError(thread.getName() + " did not run to its end, although the test could not freeze"
                    + " its child in time: " + result);
        }
    }

    /** Waits at most {@code bound} for the call to end, for clean-up. */
    void awaitEnd(Duration bound) throws InterruptedException {
        thread.join(bound.toMillis());
    }
}
