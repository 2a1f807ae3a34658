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
            assertThat(first.ask("first")).isEqualTo("FIRST");

            second.sendLine("second");
            assertThat(second.replyWithin(Duration.ofSeconds(1)))
                    .as("the second client was answered while the first was still connected: a blocking server"
                            + " holds one conversation at a time, on one thread")
                    .isEmpty();

            first.close();
            assertThat(second.readReply()).as("the second client's reply, once the first has gone").isEqualTo("SECOND");
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
            assertThat(client.ask("one")).isEqualTo("ONE");
        }
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.ask("two")).as("a client after the first has gone").isEqualTo("TWO");
        }
        server.close();
        serving.join(5000);
        assertThat(serving.isAlive()).as("serve() was still running 5 s after close()").isFalse();
    }
}
