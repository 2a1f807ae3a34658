package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;

@Exercise("5.5")
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class PoolShutdownHiddenTest {

    private final Random random = new Random();
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clients.forEach(TestClient::close);
        Processes.endAllDescendants();
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

        assertThat(Processes.runningDescendants())
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
        assertThat(pids).allMatch(Processes::isRunning);
        pool.close();
        assertThat(pids).as("workers of a pool that was closed without start()").noneMatch(Processes::isRunning);
        assertThat(pool.workers().stream().filter(Worker::isAlive).collect(Collectors.toList()))
                .as("workers the pool still reports as alive after close()").isEmpty();
    }
}
