package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("5.4")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class ProcessPoolTest {

    private ProcessPool pool;
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clients.forEach(TestClient::close);
        if (pool != null) {
            try {
                pool.close();
            } catch (RuntimeException unfinishedShutdown) {
                // Exercise 5.5 grades the shutdown; here only the clean-up matters.
            }
        }
        OsProcesses.endAllDescendants();
    }

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(pool.port());
        clients.add(client);
        return client;
    }

    private static Set<Long> pids(List<Worker> workers) {
        return workers.stream().map(Worker::pid).collect(Collectors.toSet());
    }

    @Test
    void workersAreReusedFromClientToClient() throws Exception {
        pool = new ProcessPool(2);
        pool.start();
        Set<Long> workerPids = pids(pool.workers());

        Set<Long> served = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            try (TestClient client = connect()) {
                assertThat(client.ask("client " + i))
                        .as("the pool relays bytes both ways between the client and a worker")
                        .isEqualTo("CLIENT " + i);
                served.add(client.servingPid());
            }
        }
        assertThat(workerPids).as("every client must be served by one of the pre-started workers").containsAll(served);
        assertThat(pids(pool.workers()))
                .as("a worker is given back to the idle ones and reused: none is replaced when nothing crashed")
                .isEqualTo(workerPids);
        assertThat(OsProcesses.runningDescendants())
                .as("processes running under the server after six clients: only the two workers, none started per client")
                .containsExactlyInAnyOrderElementsOf(workerPids);
    }

    @Test
    void clientsBeyondTheBoundWaitForAWorker() throws Exception {
        pool = new ProcessPool(2);
        pool.start();
        TestClient first = connect();
        TestClient second = connect();
        long firstPid = first.servingPid();
        long secondPid = second.servingPid();
        assertThat(firstPid).as("two clients at once are served by the two workers").isNotEqualTo(secondPid);

        TestClient third = connect();
        third.sendLine(EchoProtocol.PID_REQUEST);
        assertThat(third.replyWithin(Duration.ofSeconds(1)))
                .as("a third client was answered while both workers were busy: the pool must not run more"
                        + " handlers than it has workers")
                .isEmpty();

        first.close();
        assertThat(third.readReply())
                .as("the third client, once the first has gone, is served by the worker the first one used")
                .isEqualTo("PID " + firstPid);
        assertThat(second.ask("still served"))
                .as("a client in conversation keeps its worker while others wait")
                .isEqualTo("STILL SERVED");
    }
}
