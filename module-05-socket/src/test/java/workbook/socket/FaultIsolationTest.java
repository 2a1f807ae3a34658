package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

/** Why pay for processes: a handler that dies takes only its own client with it. */
@Exercise("5.3")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class FaultIsolationTest {

    private ProcessPerClientServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clients.forEach(TestClient::close);
        try {
            server.close();
        } catch (RuntimeException unfinishedShutdown) {
            // Graded by the shutdown tests.
        }
        OsProcesses.endAllDescendants();
    }

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(server.port());
        clients.add(client);
        return client;
    }

    @Test
    void aCrashingHandlerLosesOnlyItsOwnClient() throws Exception {
        server = new ProcessPerClientServer();
        server.start();
        TestClient bystander = connect();
        TestClient victim = connect();
        long bystanderPid = bystander.servingPid();
        long victimPid = victim.servingPid();

        victim.sendLine(EchoProtocol.CRASH_REQUEST);
        OsProcesses.awaitReaped(victimPid, Duration.ofSeconds(15), "the handler that was asked to crash");
        assertThat(victim.endsWithin(Duration.ofSeconds(10)))
                .as("the client whose handler crashed was left waiting: when the handler's output ends, close the"
                        + " client's connection")
                .isTrue();

        assertThat(OsProcesses.isRunning(bystanderPid)).as("the other client's handler (pid %d) survives the crash", bystanderPid).isTrue();
        assertThat(bystander.ask("are you still there?")).as("the other client carries on").isEqualTo("ARE YOU STILL THERE?");
        TestClient newcomer = connect();
        assertThat(newcomer.ask("new client")).as("the server still accepts new clients").isEqualTo("NEW CLIENT");
    }
}
