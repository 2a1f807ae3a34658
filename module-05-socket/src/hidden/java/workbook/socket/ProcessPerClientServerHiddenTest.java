package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("5.3")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class ProcessPerClientServerHiddenTest {

    private final Random random = new Random();
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
            // Graded by closeEndsEveryHandlerEvenOfSilentClientsAndFreesThePort.
        }
        OsProcesses.endAllDescendants();
    }

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(server.port());
        clients.add(client);
        return client;
    }

    @Test
    void randomConversationsInParallel() throws Exception {
        int count = 4 + random.nextInt(3);
        List<TestClient> group = new ArrayList<>();
        List<List<String>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            group.add(connect());
            sent.add(new ArrayList<>());
        }
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < count; i++) {
                String line = RandomText.line(random, 200);
                sent.get(i).add(line);
                group.get(i).sendLine(line);
            }
        }
        for (int i = 0; i < count; i++) {
            for (String line : sent.get(i)) {
                assertThat(group.get(i).readReply()).as("client %d, reply to '%s'", i, line).isEqualTo(RandomText.expectedReply(line));
            }
        }
    }

    @Test
    void binaryBytesAreRelayedUnchanged() throws Exception {
        TestClient client = connect();
        byte[] binary = RandomText.binaryLine(random, 2000 + random.nextInt(4000));
        client.send(binary);
        client.send(new byte[] {'\n'});
        assertThat(client.readReplyBytes(TestClient.REPLY_TIMEOUT))
                .as("the reply to a line of arbitrary bytes (not valid text): relay bytes, not characters")
                .isEqualTo(EchoProtocol.upperCase(binary, binary.length));
        assertThat(client.ask("")).as("the reply to an empty line").isEmpty();
    }

    @Test
    void aTooLongLineGetsAnErrorAndTheServerCarriesOn() throws Exception {
        TestClient greedy = connect();
        TestClient other = connect();
        long otherPid = other.servingPid();
        greedy.send(("y".repeat(EchoProtocol.MAX_LINE_BYTES + 1 + random.nextInt(30_000)) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(greedy.readReply()).isEqualTo(EchoProtocol.LINE_TOO_LONG);
        assertThat(greedy.endsWithin(Duration.ofSeconds(15))).as("the connection ends after the too-long line").isTrue();
        assertThat(other.ask("unaffected")).isEqualTo("UNAFFECTED");
        assertThat(OsProcesses.isRunning(otherPid)).isTrue();
    }

    @Test
    void silentAndVanishingClientsDoNotHoldUpTheOthers() throws Exception {
        connect(); // connects and never says anything
        TestClient halfLine = connect();
        halfLine.send("no line break".getBytes(StandardCharsets.US_ASCII));
        halfLine.close();
        TestClient reset = connect();
        reset.send("and a reset".getBytes(StandardCharsets.US_ASCII));
        reset.resetAbruptly();

        TestClient normal = connect();
        String request = RandomText.line(random, 50);
        assertThat(normal.ask(request)).as("a client after a silent one and two that vanished mid-line")
                .isEqualTo(RandomText.expectedReply(request));
        long normalPid = normal.servingPid();
        normal.close();
        OsProcesses.awaitGone(normalPid, Duration.ofSeconds(15), "the handler of a client that left");

        Awaitility.await("handlers of the clients that vanished mid-line to end; only the silent client's remains")
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> OsProcesses.runningDescendants().size() == 1);
    }

    @Test
    void closeEndsEveryHandlerEvenOfSilentClientsAndFreesThePort() throws Exception {
        int port = server.port();
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pids.add(connect().servingPid());
        }
        connect(); // silent
        Awaitility.await("four handlers running").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> OsProcesses.runningDescendants().size() == 4);

        server.close();

        assertThat(OsProcesses.runningDescendants()).as("handler processes still running when close() returned").isEmpty();
        assertThat(pids).noneMatch(OsProcesses::isRunning);
        for (TestClient client : clients) {
            assertThat(client.endsWithin(Duration.ofSeconds(5))).as("a client's connection ended after close()").isTrue();
        }
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port is free again after close()").isEqualTo(port);
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "freezes a handler with SIGSTOP, a Unix signal")
    void closeKillsAHandlerThatIgnoresThePoliteRequest() throws Exception {
        TestClient frozen = connect();
        TestClient lively = connect();
        long frozenPid = frozen.servingPid();
        long livelyPid = lively.servingPid();
        Processes.freeze(frozenPid);
        KernelView.awaitStopped(frozenPid, Duration.ofSeconds(10));
        AtomicBoolean askedPolitely = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && ProcessHandle.of(frozenPid).isPresent()) {
                if (KernelView.signalPending(frozenPid, 15)) {
                    askedPolitely.set(true);
                    return;
                }
                try {
                    Thread.sleep(2); // POLITE_STOP is 2 s: plenty of looks at the pending signals
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-watches-for-SIGTERM");
        watcher.setDaemon(true);
        watcher.start();

        // Looked at in the same thread the moment close() returns: a handler killed but not waited for is gone
        // within milliseconds, so any later look could miss it.
        AtomicBoolean killedHandlerPresentOnReturn = new AtomicBoolean();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    server.close();
                    killedHandlerPresentOnReturn.set(ProcessHandle.of(frozenPid).isPresent());
                },
                () -> "close() had not returned 20 s after it began, with handler pid " + frozenPid + " ignoring"
                        + " destroy(): wait for the handlers with a bound (POLITE_STOP), then destroyForcibly() the"
                        + " ones still running");

        watcher.interrupt();
        watcher.join(5000);
        assertThat(askedPolitely.get())
                .as("a SIGTERM pending for the frozen handler (pid %d) before it was killed: ask every handler"
                        + " politely first (destroy()), and destroyForcibly() only those still running after POLITE_STOP",
                        frozenPid)
                .isTrue();
        assertThat(OsProcesses.runningDescendants())
                .as("processes still running when close() returned (handler %d was frozen, %d was not)", frozenPid, livelyPid)
                .isEmpty();
        assertThat(killedHandlerPresentOnReturn.get())
                .as("whether the killed handler (pid %d) was still there when close() returned: waitFor() it after"
                        + " destroyForcibly(), so that it has really exited (and been reaped) before close() returns", frozenPid)
                .isFalse();
        assertThat(frozen.endsWithin(Duration.ofSeconds(5))).as("the frozen handler's client connection ended after close()").isTrue();
        assertThat(lively.endsWithin(Duration.ofSeconds(5))).as("the other client's connection ended after close()").isTrue();
    }

    @Test
    void aClientThatFinishesSendingGetsEveryReplyThenTheEnd() throws Exception {
        TestClient client = connect();
        long pid = client.servingPid();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(RandomText.line(random, 50));
            client.sendLine(requests.get(i));
        }
        client.finishSending();

        for (String request : requests) {
            assertThat(client.readReply())
                    .as("a reply to a client that had sent its last request and half-closed its connection: the client"
                            + " has stopped sending, not listening. Close the handler's standard input then, and close the"
                            + " client only when the handler's output has ended and its last byte was relayed")
                    .isEqualTo(RandomText.expectedReply(request));
        }
        assertThat(client.endsWithin(Duration.ofSeconds(15)))
                .as("the connection of a client that had finished sending ends once every reply is relayed").isTrue();
        OsProcesses.awaitGone(pid, Duration.ofSeconds(15), "the handler of a client that finished sending (its standard input"
                + " must be closed when the client stops sending)");
    }

    /**
     * The handler's last replies are still in its output pipe when it exits: this client reads nothing until then,
     * and its tiny receive window keeps the relay blocked, so they pass only after the exit. A server that closes
     * the client when the handler exits, instead of when the relay has passed on the last byte, loses them.
     */
    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "watches the bytes in /proc/net/tcp and /proc/PID/io")
    void theLastRepliesOfAHandlerThatHasExitedStillArrive() throws Exception {
        int replyBytes = 8001;
        byte[] request = ("a".repeat(replyBytes - 1) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(4096); // before connecting: a small window that never grows
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 10_000);
            client.setSoTimeout(25_000);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            out.write("PID\n".getBytes(StandardCharsets.US_ASCII));
            String pidReply = readLine(in);
            assertThat(pidReply).startsWith("PID ");
            long pid = Long.parseLong(pidReply.substring(4));
            long written = KernelView.bytesWritten(pid).orElse(-1);

            // Send requests, reading nothing, until about 24 KB of replies wait in the handler's pipe (64 KB), at
            // most 4 at a time (so that the pipe never fills and blocks the handler), for at most 15 s.
            int sent = 0;
            long pending = 0;
            long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (pending < 24_000 && System.nanoTime() < giveUp) {
                for (int i = 0; i < 4; i++) {
                    out.write(request);
                }
                sent += 4;
                long target = written + (long) sent * replyBytes;
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (KernelView.bytesWritten(pid).orElse(Long.MAX_VALUE) < target && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                long inSockets = KernelView.queued(server.port(), client.getLocalPort()).orElse(0)
                        + KernelView.queued(client.getLocalPort(), server.port()).orElse(0);
                pending = (long) sent * replyBytes - inSockets;
            }
            client.shutdownOutput();
            // The handler has nothing left to read and room for its last replies: it ends (if it does not, the
            // relay may have blocked it; reading below unblocks it, and a correct server still passes).
            ProcessHandle.of(pid).ifPresent(handler -> handler.onExit().completeOnTimeout(handler, 15, TimeUnit.SECONDS).join());

            int replies = 0;
            String line;
            while ((line = readLine(in)) != null) {
                assertThat(line).as("reply %d", replies + 1).hasSize(replyBytes - 1).isEqualTo("A".repeat(replyBytes - 1));
                replies++;
            }
            assertThat(replies)
                    .as("replies that reached the client after its handler had exited with its last replies still in"
                            + " its output pipe: close the client in the relay that copies the handler's output, once it"
                            + " has passed on the last byte, not when the handler process exits")
                    .isEqualTo(sent);
        }
    }

    /** @return the next line (without its '\n'), or null at the end of the stream */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) != '\n') {
            if (next == -1) {
                if (line.size() > 0) {
                    throw new AssertionError("the connection ended in the middle of a reply, after " + line.size() + " bytes");
                }
                return null;
            }
            line.write(next);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
