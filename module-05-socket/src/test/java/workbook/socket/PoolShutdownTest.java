package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("5.5")
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class PoolShutdownTest {

    private TestClient busy;

    @AfterEach
    void cleanUp() {
        if (busy != null) {
            busy.close();
        }
        OsProcesses.endAllDescendants();
    }

    @Test
    void closeEndsIdleAndBusyWorkersAndFreesThePort() throws Exception {
        ProcessPool pool = new ProcessPool(3);
        pool.start();
        int port = pool.port();
        List<Long> pids = pool.workers().stream().map(Worker::pid).collect(Collectors.toList());

        // A busy worker, as handle() makes one: out of the idle queue, in conversation with a client
        // (connected straight to the worker's port, so that this test does not depend on exercise 5.4).
        Worker taken = pool.takeIdleWorker();
        busy = TestClient.connect(taken.port());
        assertThat(busy.servingPid())
                .as("a client connected to a worker's port is served by that worker")
                .isEqualTo(taken.pid());

        pool.close();

        assertThat(pids)
                .as("close() ends every live worker, idle and busy, and returns only when each has exited (of %s; pid %d was busy)",
                        pids, taken.pid())
                .noneMatch(OsProcesses::isRunning);
        assertThat(busy.endsWithin(Duration.ofSeconds(5)))
                .as("the busy workers' clients see their connections end")
                .isTrue();
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("after close() the pool's port is free again").isEqualTo(port);
        }
    }
}
