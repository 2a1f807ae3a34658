package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;

@Exercise("5.2")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockingEchoServerHiddenTest {

    private static final Duration REPLY = Duration.ofSeconds(10);
    private final Random random = new Random();
    private BlockingEchoServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void brokenClientsEndOnlyTheirOwnConversation() throws Exception {
        server = new BlockingEchoServer();
        server.start();

        try (TestClient reset = TestClient.connect(server.port())) {
            assertThat(reset.ask("about to vanish")).isEqualTo("ABOUT TO VANISH");
            reset.send("half a li".getBytes(StandardCharsets.US_ASCII));
            reset.resetAbruptly();
        }
        try (TestClient crasher = TestClient.connect(server.port())) {
            crasher.sendLine(EchoProtocol.CRASH_REQUEST);
            assertThat(crasher.endsWithin(REPLY)).as("the conversation of a client that sent CRASH ends").isTrue();
        }
        try (TestClient polite = TestClient.connect(server.port())) {
            polite.send("no line break, then gone".getBytes(StandardCharsets.US_ASCII));
        }
        try (TestClient next = TestClient.connect(server.port())) {
            String request = RandomText.line(random, 60);
            next.sendLine(request);
            assertThat(new String(next.readReplyBytes(REPLY), StandardCharsets.UTF_8))
                    .as("a client after a reset, a crash and a half line is still served")
                    .isEqualTo(RandomText.expectedReply(request));
        }
    }

    @Test
    void emptyAndBinaryLinesComeBackAsTheProtocolSays() throws Exception {
        server = new BlockingEchoServer();
        server.start();
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.ask("")).isEmpty();
            byte[] binary = RandomText.binaryLine(random, 300 + random.nextInt(500));
            client.send(binary);
            client.send(new byte[] {'\n'});
            assertThat(client.readReplyBytes(REPLY)).isEqualTo(EchoProtocol.upperCase(binary, binary.length));
        }
    }

    @Test
    void aFinishedConversationEndsTheConnectionAndTheNextIsServed() throws Exception {
        server = new BlockingEchoServer();
        server.start();
        try (TestClient client = TestClient.connect(server.port())) {
            String request = RandomText.line(random, 60);
            client.sendLine(request);
            client.finishSending();
            assertThat(new String(client.readReplyBytes(REPLY), StandardCharsets.UTF_8))
                    .as("the reply to a client that had sent its request and half-closed its connection")
                    .isEqualTo(RandomText.expectedReply(request));
            assertThat(client.endsWithin(REPLY))
                    .as("the connection of a client whose conversation has ended (it finished sending): close each"
                            + " client's connection when its conversation ends, or the client waits forever")
                    .isTrue();
        }
        try (TestClient next = TestClient.connect(server.port())) {
            assertThat(next.ask("next")).as("the next client").isEqualTo("NEXT");
        }
    }

    @Test
    void serveReturnsQuietlyAfterClose() throws Exception {
        server = new BlockingEchoServer();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread serving = new Thread(() -> {
            try {
                server.serve();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "test-calls-serve");
        serving.setDaemon(true);
        serving.start();
        try (TestClient client = TestClient.connect(server.port())) {
            assertThat(client.ask("before close")).isEqualTo("BEFORE CLOSE");
        }
        // Close only once serve() is back in accept(): closed earlier, a loop that checks isClosed() would end
        // without ever meeting the failed accept() this test is about.
        awaitBlockedInAccept(serving);

        server.close();
        serving.join(10_000);

        assertThat(serving.isAlive()).as("serve() still running 10 s after close()").isFalse();
        assertThat(thrown.get())
                .as("what serve() threw once close() had closed the listening socket: accept() failing then is the"
                        + " normal end of the loop, so serve() returns quietly")
                .isNull();
    }

    /** Waits until {@code serving} is blocked in {@link java.net.ServerSocket#accept()}, waiting for a client. */
    private static void awaitBlockedInAccept(Thread serving) {
        await().atMost(REPLY)
                .pollInterval(Duration.ofMillis(10))
                .alias("serve() to wait in accept() for the next client once the first has gone")
                .until(() -> Arrays.stream(serving.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().equals("java.net.ServerSocket")
                                && frame.getMethodName().equals("accept")));
    }
}
