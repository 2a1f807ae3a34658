package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;

@Exercise("5.2")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockingEchoServerTest {

    private BlockingEchoServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSecondClientWaitsUntilTheFirstHasGone() throws Exception {
        server = new BlockingEchoServer();
        server.start();
        try (TestClient first = TestClient.connect(server.port());
             TestClient second = TestClient.connect(server.port())) {
            assertThat(first.ask("first"))
                    .as("the conversation is EchoProtocol's: the first client's line comes back upper-cased")
                    .isEqualTo("FIRST");

            second.sendLine("second");
            assertThat(second.replyWithin(Duration.ofSeconds(1)))
                    .as("the second client was answered while the first was still connected: a blocking server"
                            + " holds one conversation at a time, on one thread")
                    .isEmpty();

            first.close();
            assertThat(second.readReply())
                    .as("the server accepts the next client once the first client's conversation has ended, and answers it")
                    .isEqualTo("SECOND");
            assertThat(second.servingPid())
                    .as("the blocking server answers in its own process (the test JVM)")
                    .isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void serveReturnsAfterClose() throws Exception {
        server = new BlockingEchoServer();
        Thread serving = server.start();
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.ask("one"))
                    .as("the conversation is EchoProtocol's: the line comes back upper-cased")
                    .isEqualTo("ONE");
        }
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.ask("two"))
                    .as("the server closes a client's connection when its conversation ends, then serves the next")
                    .isEqualTo("TWO");
        }
        server.close();
        serving.join(5000);
        assertThat(serving.isAlive())
                .as("serve() returns, without an exception, once close() has closed the listening socket: it still ran 5 s later")
                .isFalse();
    }
}
