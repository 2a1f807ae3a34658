package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.process.ExitStatus;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("5.5")
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class PoolShutdownHiddenTest {

    private final Random random = new Random();
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clients.forEach(TestClient::close);
        OsProcesses.endAllDescendants();
    }

    @Test
    void closeWithSeveralBusyWorkersIsQuickAndLeavesNothing() throws Exception {
        int size = 2 + random.nextInt(3);
        ProcessPool pool = new ProcessPool(size);
        pool.start();
        List<Worker> workers = pool.workers();
        // Two busy workers, as handle() makes them: out of the idle queue, each with a client.
        TestClient talking = TestClient.connect(pool.takeIdleWorker().port());
        clients.add(talking);
        assertThat(talking.ask("busy")).isEqualTo("BUSY");
        TestClient midLine = TestClient.connect(pool.takeIdleWorker().port());
        clients.add(midLine);
        midLine.send("a line that never ends".getBytes(StandardCharsets.US_ASCII));

        long start = System.nanoTime();
        pool.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(OsProcesses.runningDescendants())
                .as("processes still running when close() returned (workers were %s)",
                        workers.stream().map(Worker::pid).collect(Collectors.toList()))
                .isEmpty();
        assertThat(took).as("close() of a pool of %d workers", size).isLessThan(Duration.ofSeconds(15));
        assertThat(talking.endsWithin(Duration.ofSeconds(5))).isTrue();
        assertThat(midLine.endsWithin(Duration.ofSeconds(5))).isTrue();
        pool.close(); // a second close() does nothing, and does not fail
    }

    @Test
    void aPoolThatNeverStartedAcceptingStillEndsItsWorkers() throws Exception {
        ProcessPool pool = new ProcessPool(1 + random.nextInt(3));
        List<Long> pids = pool.workers().stream().map(Worker::pid).collect(Collectors.toList());
        assertThat(pids).allMatch(OsProcesses::isRunning);
        pool.close();
        assertThat(pids).as("workers of a pool that was closed without start()").noneMatch(OsProcesses::isRunning);
        assertThat(pool.workers().stream().filter(Worker::isAlive).collect(Collectors.toList()))
                .as("workers the pool still reports as alive after close()").isEmpty();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "on Windows destroy() is already forcible: there is no polite request")
    void workersAreAskedPolitelyBeforeAnyIsKilled() throws Exception {
        ProcessPool pool = new ProcessPool(2);
        pool.start();
        List<Worker> workers = pool.workers();
        pool.close();
        for (Worker worker : workers) {
            assertThat(worker.process().isAlive()).as("%s is still running after close()", worker).isFalse();
            // destroy() sends SIGTERM and closes the worker's stdin: an idle worker ends at once on either.
            assertThat(new ExitStatus(worker.process().exitValue()))
                    .as("how %s ended: after destroy() an idle worker ends by itself (exit value 143 for SIGTERM, or 0"
                            + " when it sees its stdin closed); SIGKILL (137) means it was never asked politely, or not"
                            + " given POLITE_STOP to end before destroyForcibly()", worker)
                    .isIn(new ExitStatus(143), new ExitStatus(0));
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "freezes a worker with SIGSTOP, a Unix signal")
    void aWorkerThatIgnoresThePoliteRequestIsKilled() throws Exception {
        ProcessPool pool = new ProcessPool(2);
        pool.start();
        Worker frozen = pool.workers().get(random.nextInt(2));
        Processes.freeze(frozen.pid());

        assertTimeoutPreemptively(Duration.ofSeconds(20), pool::close,
                () -> "close() had not returned 20 s after it began, with " + frozen + " ignoring destroy(): wait"
                        + " for the workers with a bound (POLITE_STOP), then destroyForcibly() the ones still running");

        assertThat(OsProcesses.runningDescendants()).as("processes still running when close() returned (%s was frozen)", frozen)
                .isEmpty();
    }

    @Test
    void afterCloseNoWorkerIsIdle() throws Exception {
        ProcessPool pool = new ProcessPool(2);
        pool.start();
        pool.close();

        Optional<Worker> taken = IdleWorkers.takenWithin(pool, Duration.ofMillis(500));

        assertThat(taken)
                .as("a worker that takeIdleWorker() handed out after close(): stopHandlers must empty the idle queue,"
                        + " so that nobody is handed a dead worker")
                .isEmpty();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "freezes workers with SIGSTOP, a Unix signal")
    void frozenWorkersShareOnePoliteStop() throws Exception {
        ProcessPool pool = new ProcessPool(4);
        pool.start();
        List<Worker> workers = pool.workers();
        for (Worker worker : workers.subList(0, 3)) {
            Processes.freeze(worker.pid());
            KernelView.awaitStopped(worker.pid(), Duration.ofSeconds(10));
        }

        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(30), pool::close,
                () -> "close() had not returned 30 s after it began, with 3 of its 4 workers ignoring destroy()");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took)
                .as("how long close() took with 3 of 4 workers frozen (ignoring destroy()): they get POLITE_STOP (%d s)"
                        + " together, not each, before they are killed; at least that long (they were asked politely"
                        + " first), and far less than 3 x POLITE_STOP", ProcessPool.POLITE_STOP.toSeconds())
                .isGreaterThanOrEqualTo(ProcessPool.POLITE_STOP.minusMillis(100))
                .isLessThan(ProcessPool.POLITE_STOP.multipliedBy(5).dividedBy(2));
        assertThat(OsProcesses.runningDescendants()).as("processes still running when close() returned").isEmpty();
    }
}
