package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("5.3")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class ProcessPerClientServerTest {

    static final Duration HANDLER_END = Duration.ofSeconds(15);

    private ProcessPerClientServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new ProcessPerClientServer();
        server.start();
    }

    @AfterEach
    void cleanUp() {
        clients.forEach(TestClient::close);
        try {
            server.close();
        } catch (RuntimeException unfinishedShutdown) {
            // Graded by the shutdown tests; here only the clean-up matters.
        }
        OsProcesses.endAllDescendants();
    }

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(server.port());
        clients.add(client);
        return client;
    }

    @Test
    void eachClientIsServedByAChildProcessOfItsOwn() throws Exception {
        TestClient client = connect();
        assertThat(client.ask("hello from a client"))
                .as("bytes are relayed both ways: the client gets the handler's reply")
                .isEqualTo("HELLO FROM A CLIENT");
        long pid = client.servingPid();

        assertThat(pid)
                .as("each client gets a handler, a new JVM: the pid that served the client is not the server's own")
                .isNotEqualTo(ProcessHandle.current().pid());
        ProcessHandle handler = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("handler pid " + pid + " is not running"));
        assertThat(handler.parent().map(ProcessHandle::pid))
                .as("each client's handler is a child of the server (pid %d is not)", pid)
                .contains(ProcessHandle.current().pid());
        handler.info().commandLine().ifPresent(command -> assertThat(command)
                .as("each client's handler is a new JVM running HandlerMain").contains(HandlerMain.class.getName()));

        client.close();
        OsProcesses.awaitGone(pid, HANDLER_END, "the handler of a client that disconnected");
    }

    @Test
    void tenClientsAreServedAtTheSameTimeByTenProcesses() throws Exception {
        List<TestClient> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(connect());
        }
        for (TestClient client : ten) {
            client.sendLine(EchoProtocol.PID_REQUEST);
        }
        Set<Long> pids = new HashSet<>();
        for (TestClient client : ten) {
            String reply = client.readReply();
            assertThat(reply)
                    .as("each client gets a handler, which answers the PID request with its pid")
                    .startsWith("PID ");
            pids.add(Long.parseLong(reply.substring(4)));
        }
        assertThat(pids).as("ten connected clients must be served by ten different processes").hasSize(10);
        assertThat(pids).as("all ten handlers must be running at the same time, while their clients are connected")
                .allMatch(OsProcesses::isRunning);
        for (TestClient client : ten) {
            assertThat(client.ask("still there?"))
                    .as("handle does not wait for the conversation: each of the ten clients is still served")
                    .isEqualTo("STILL THERE?");
        }
        ten.forEach(TestClient::close);
        for (long pid : pids) {
            OsProcesses.awaitGone(pid, HANDLER_END, "a handler whose client disconnected");
        }
    }

    @Test
    void closeEndsEveryHandler() throws Exception {
        TestClient one = connect();
        TestClient two = connect();
        long first = one.servingPid();
        long second = two.servingPid();

        server.close();

        assertThat(List.of(first, second)).as("stopHandlers ends every running handler and returns only when each has exited")
                .noneMatch(OsProcesses::isRunning);
        assertThat(one.endsWithin(Duration.ofSeconds(5)))
                .as("stopHandlers closes every client connection: the first client's is still open")
                .isTrue();
        assertThat(two.endsWithin(Duration.ofSeconds(5)))
                .as("stopHandlers closes every client connection: the second client's is still open")
                .isTrue();
    }

    @Test
    void theConversationHappensInTheHandlerProcessNotInTheServer() {
        // Import only the main classes folder (or jar): fast, and without the tests themselves.
        JavaClasses server = new ClassFileImporter()
                .importUrl(ProcessPerClientServer.class.getProtectionDomain().getCodeSource().getLocation()).that(
                com.tngtech.archunit.base.DescribedPredicate.describe("ProcessPerClientServer and its nested classes",
                        c -> c.getName().equals(ProcessPerClientServer.class.getName())
                                || c.getName().startsWith(ProcessPerClientServer.class.getName() + "$")));
        boolean startsAProcess = server.stream()
                .flatMap(c -> c.getMethodCallsFromSelf().stream())
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(ProcessBuilder.class) && call.getName().equals("start"));
        boolean speaksTheProtocolItself = server.stream()
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> d.getTargetClass().isEquivalentTo(EchoProtocol.class));
        assertThat(startsAProcess)
                .as("ProcessPerClientServer should start each handler with ProcessBuilder.start()")
                .isTrue();
        assertThat(speaksTheProtocolItself)
                .as("ProcessPerClientServer uses EchoProtocol itself: the conversation must run in the handler process"
                        + " (HandlerMain), the server only relays bytes")
                .isFalse();
    }
}
