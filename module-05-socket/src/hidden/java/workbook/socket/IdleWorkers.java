package workbook.socket;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** What a pool's idle queue hands out, seen from a test: a blocking take, bounded in time. */
final class IdleWorkers {

    private IdleWorkers() {
    }

    /**
     * Calls {@link ProcessPool#takeIdleWorker()} on a thread of its own and interrupts it after {@code bound}.
     *
     * @return the worker it handed out within {@code bound}; empty if none was idle
     */
    static Optional<Worker> takenWithin(ProcessPool pool, Duration bound) throws InterruptedException {
        AtomicReference<Worker> taken = new AtomicReference<>();
        Thread taker = new Thread(() -> {
            try {
                taken.set(pool.takeIdleWorker());
            } catch (InterruptedException expected) {
                // no idle worker
            }
        }, "test-takes-an-idle-worker");
        taker.setDaemon(true);
        taker.start();
        taker.join(bound.toMillis());
        taker.interrupt();
        taker.join(5000);
        return Optional.ofNullable(taken.get());
    }
}
