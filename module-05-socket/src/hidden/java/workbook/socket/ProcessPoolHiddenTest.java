package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("5.4")
@Timeout(value = 55, unit = TimeUnit.SECONDS)
class ProcessPoolHiddenTest {

    private final Random random = new Random();
    private ProcessPool pool;
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clients.forEach(TestClient::close);
        if (pool != null) {
            try {
                pool.close();
            } catch (RuntimeException unfinishedShutdown) {
                // Exercise 5.5 grades the shutdown.
            }
        }
        OsProcesses.endAllDescendants();
    }

    private TestClient connect() throws Exception {
        TestClient client = TestClient.connect(pool.port());
        clients.add(client);
        return client;
    }

    private Set<Long> workerPids() {
        return pool.workers().stream().map(Worker::pid).collect(Collectors.toSet());
    }

    /** @return the sockets this JVM has open (Linux: the entries of /proc/self/fd that are sockets, as "socket:[inode]") */
    private static Set<String> openSockets() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    return "";
                }
            }).filter(target -> target.startsWith("socket:")).collect(Collectors.toSet());
        }
    }

    @Test
    void moreClientsThanWorkersAreAllServedNeverMoreThanTheBoundAtOnce() throws Exception {
        int size = 2 + random.nextInt(2);
        int extra = 1 + random.nextInt(3);
        pool = new ProcessPool(size);
        pool.start();
        Set<Long> workers = workerPids();

        List<TestClient> waiting = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < size + extra; i++) {
            TestClient client = connect();
            String request = RandomText.line(random, 80);
            client.sendLine(request);
            waiting.add(client);
            requests.add(request);
        }
        Set<Long> servedPids = new HashSet<>();
        int served = 0;
        while (served < waiting.size()) {
            // Collect the replies that are ready; never more than `size` clients may have one at a time.
            List<Integer> answered = new ArrayList<>();
            Duration patience = Duration.ofSeconds(15);
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i) == null) {
                    continue;
                }
                Optional<String> reply = waiting.get(i).replyWithin(answered.isEmpty() ? patience : Duration.ofMillis(300));
                if (reply.isPresent()) {
                    assertThat(reply.get()).isEqualTo(RandomText.expectedReply(requests.get(i)));
                    answered.add(i);
                }
            }
            assertThat(answered).as("clients in conversation at once with a pool of %d workers", size)
                    .isNotEmpty().hasSizeLessThanOrEqualTo(size);
            for (int i : answered) {
                servedPids.add(waiting.get(i).servingPid());
                waiting.get(i).close();
                waiting.set(i, null);
                served++;
            }
        }
        assertThat(workers).as("every client is served by one of the pre-started workers").containsAll(servedPids);
        assertThat(workerPids()).isEqualTo(workers);
    }

    @Test
    void aCrashedWorkerIsReplacedAndTheOthersCarryOn() throws Exception {
        pool = new ProcessPool(2);
        pool.start();
        TestClient victim = connect();
        long victimPid = victim.servingPid();
        TestClient bystander = connect();
        long bystanderPid = bystander.servingPid();

        victim.sendLine(EchoProtocol.CRASH_REQUEST);
        OsProcesses.awaitReaped(victimPid, Duration.ofSeconds(15), "the worker that was asked to crash");
        assertThat(victim.endsWithin(Duration.ofSeconds(10))).as("the crashed worker's client is told its conversation is over").isTrue();
        assertThat(bystander.ask("carry on")).isEqualTo("CARRY ON");
        bystander.close();

        TestClient a = connect();
        TestClient b = connect();
        a.sendLine(EchoProtocol.PID_REQUEST);
        b.sendLine(EchoProtocol.PID_REQUEST);
        long pidA = Long.parseLong(a.readReply().substring(4));
        long pidB = Long.parseLong(b.readReply().substring(4));
        assertThat(pidA).as("two clients at once after a crash: the pool is back to two workers").isNotEqualTo(pidB);
        assertThat(List.of(pidA, pidB))
                .as("pids serving two clients after the crash: never the dead worker %d, and the surviving worker %d"
                        + " reused", victimPid, bystanderPid)
                .doesNotContain(victimPid).contains(bystanderPid);
        Awaitility.await("the pool to list two live workers, without the crashed one")
                .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> workerPids().size() == 2 && !workerPids().contains(victimPid)
                        && workerPids().stream().allMatch(OsProcesses::isRunning));
    }

    @Test
    void binaryTooLongAndVanishingClientsDoNotBreakTheWorkers() throws Exception {
        pool = new ProcessPool(2);
        pool.start();
        Set<Long> workers = workerPids();
        try (TestClient binary = connect()) {
            byte[] line = RandomText.binaryLine(random, 1000 + random.nextInt(3000));
            binary.send(line);
            binary.send(new byte[] {'\n'});
            assertThat(binary.readReplyBytes(TestClient.REPLY_TIMEOUT)).isEqualTo(EchoProtocol.upperCase(line, line.length));
        }
        try (TestClient greedy = connect()) {
            greedy.send(("z".repeat(EchoProtocol.MAX_LINE_BYTES + 1 + random.nextInt(10_000)) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(greedy.readReply()).isEqualTo(EchoProtocol.LINE_TOO_LONG);
            assertThat(greedy.endsWithin(Duration.ofSeconds(10))).isTrue();
        }
        for (int i = 0; i < 3; i++) {
            TestClient vanishing = connect();
            vanishing.send("half".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            vanishing.resetAbruptly();
        }
        for (int i = 0; i < 4; i++) {
            try (TestClient client = connect()) {
                String request = RandomText.line(random, 60);
                assertThat(client.ask(request)).isEqualTo(RandomText.expectedReply(request));
                assertThat(workers).as("the pre-started workers, which must serve every client").contains(client.servingPid());
            }
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "counts this JVM's open sockets in /proc/self/fd, which only Linux has")
    void everyFinishedConversationClosesBothOfItsSockets() throws Exception {
        pool = new ProcessPool(2);
        pool.start();
        Set<String> before = openSockets();
        int conversations = 15 + random.nextInt(10);
        for (int i = 0; i < conversations; i++) {
            try (TestClient client = connect()) {
                assertThat(client.ask("conversation " + i)).isEqualTo("CONVERSATION " + i);
            }
        }
        Awaitility.await("the sockets of %d finished conversations to be closed".formatted(conversations))
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(openSockets()).filteredOn(socket -> !before.contains(socket))
                        .as("sockets opened in the server's JVM during %d conversations that have all ended, still open:"
                                + " when the worker's side ends, close both the client's socket and the connection to"
                                + " the worker, or the server runs out of file descriptors", conversations)
                        .hasSizeLessThanOrEqualTo(2));
    }

    @Test
    void noWorkerIsIdleWhileItsClientIsStillInConversation() throws Exception {
        pool = new ProcessPool(1);
        pool.start();
        TestClient client = connect();
        long pid = client.servingPid();

        Optional<Worker> taken = IdleWorkers.takenWithin(pool, Duration.ofSeconds(1));

        assertThat(taken)
                .as("an idle worker of a pool of 1, while the client of its only worker (pid %d) is still connected and"
                        + " has been answered: give a worker back to the idle ones only when the worker's side of the"
                        + " conversation has ended and its last byte was relayed, never as soon as the connection is made"
                        + " (the next client would queue behind a busy worker, and lose its turn if that worker crashes)", pid)
                .isEmpty();
        client.close();
        try (TestClient next = connect()) {
            assertThat(next.servingPid()).as("the next client, once the first has gone: the same worker, given back")
                    .isEqualTo(pid);
        }
    }

    @Test
    void anIdleWorkerThatDiedIsReplacedAndTheClientServed() throws Exception {
        pool = new ProcessPool(1);
        pool.start();
        Worker dead = pool.workers().get(0);
        dead.process().destroyForcibly();
        assertThat(dead.process().waitFor(15, TimeUnit.SECONDS)).as("test set-up: the idle worker killed").isTrue();

        TestClient client = connect();
        long pid = client.servingPid();

        assertThat(pid)
                .as("the pid serving a client that came after the only idle worker (pid %d) had died: a worker whose"
                        + " port refuses the connection is dead; replace() it and hand the client to the new one", dead.pid())
                .isNotEqualTo(dead.pid());
        assertThat(workerPids()).as("the pool's workers: the replacement, which serves the client").containsExactly(pid);
    }

    /**
     * The worker is frozen (SIGSTOP) while the client sends its requests and half-closes, so that its replies can only
     * come after the relay has passed on the client's end: the worker's side is not over yet at that moment.
     */
    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes the worker with SIGSTOP and watches /proc/net/tcp")
    void aClientThatFinishesSendingGetsEveryReplyThenTheEnd() throws Exception {
        pool = new ProcessPool(1);
        pool.start();
        Worker worker = pool.workers().get(0);
        TestClient client = connect();
        long pid = client.servingPid();
        Processes.freeze(pid);
        List<String> requests = List.of(RandomText.line(random, 50), RandomText.line(random, 50), RandomText.line(random, 50));
        for (String request : requests) {
            client.sendLine(request);
        }
        client.finishSending();
        // Once the pool has passed the client's end on (a FIN towards the worker's port), the worker still owes
        // its replies. If Linux does not show that FIN in time, only the check of the idle workers is skipped.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean finSent = false;
        while (!finSent && System.nanoTime() < deadline) {
            finSent = KernelView.finSentTo(worker.port());
            Thread.sleep(10);
        }

        Optional<Worker> idleMeanwhile = finSent ? IdleWorkers.takenWithin(pool, Duration.ofMillis(500)) : Optional.empty();
        KernelView.thaw(pid);

        assertThat(idleMeanwhile)
                .as("an idle worker while the only worker still owed replies to a client that had stopped sending: the"
                        + " conversation ends when the worker's side ends, not when the client stops sending; give the"
                        + " worker back only then")
                .isEmpty();
        for (String request : requests) {
            assertThat(client.readReply())
                    .as("a reply to a client that had sent its last request and half-closed its connection: the client"
                            + " has stopped sending, not listening. Half-close the worker connection"
                            + " (Sockets.shutdownOutputQuietly), and close the sockets only when the worker's side has ended")
                    .isEqualTo(RandomText.expectedReply(request));
        }
        assertThat(client.endsWithin(Duration.ofSeconds(10)))
                .as("the connection of a client that had finished sending ends once every reply is relayed").isTrue();
        try (TestClient next = connect()) {
            assertThat(next.servingPid()).as("the next client: the same worker, given back").isEqualTo(pid);
        }
    }

    @Test
    void aClientWaitingForAWorkerIsDisconnectedWhenThePoolCloses() throws Exception {
        pool = new ProcessPool(1);
        pool.start();
        TestClient busy = connect();
        busy.servingPid();
        TestClient waiting = connect();
        waiting.sendLine(EchoProtocol.PID_REQUEST);
        String acceptor = "ProcessPool-acceptor-port-" + pool.port();
        Awaitility.await("the acceptor waiting for an idle worker for the second client")
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().equals(acceptor) && t.getState() == Thread.State.WAITING));

        long start = System.nanoTime();
        pool.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took)
                .as("how long close() took with a client waiting for a worker: close() interrupts the acceptor, which"
                        + " must then end at once (it gets 5 s before close() gives up on it); a handle() that swallows"
                        + " the InterruptedException of its wait for a worker waits on")
                .isLessThan(Duration.ofMillis(4500));
        assertThat(waiting.endsWithin(Duration.ofSeconds(10)))
                .as("the connection of a client that was waiting for a worker when the pool closed: close() interrupts"
                        + " the wait, and handle() must then let InterruptedException end it (the acceptor closes the"
                        + " client), not swallow it and wait on")
                .isTrue();
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(acceptor)).toList())
                .as("the acceptor thread, still running after close() returned: handle() swallowed the"
                        + " InterruptedException of its wait for a worker and waits on; let it propagate")
                .isEmpty();
    }
}
