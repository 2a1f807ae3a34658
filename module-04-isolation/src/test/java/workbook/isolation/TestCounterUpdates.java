package workbook.isolation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * Counter updates the 4.6 tests hand to {@link ConcurrentIncrements#runConcurrently}: the tests' own,
 * correct, locked increment (so that 4.6 is graded on its own, whatever the state of 4.5), and variants
 * that also log which process made each increment, and when.
 */
final class TestCounterUpdates {

    private TestCounterUpdates() {
    }

    /** A correct locked increment, written independently of the student's {@link FileCounter}. */
    static long increment(Path counterFile) throws IOException {
        return incrementAndLog(counterFile, false, 0);
    }

    /** Increments, and under the same lock appends {@code <pid> <epoch millis>} to {@code <counter>.log}. */
    static long incrementAndLogPid(Path counterFile) throws IOException {
        return incrementAndLog(counterFile, true, 0);
    }

    /** As {@link #incrementAndLogPid}, then works for 10 ms outside the lock, like a real job between updates. */
    static long incrementLogAndWork(Path counterFile) throws IOException {
        return incrementAndLog(counterFile, true, 10);
    }

    /**
     * As {@link #incrementAndLogPid}, but the first process to increment becomes the slow one: after each of
     * its increments it works for 100 ms outside the lock. That process is almost never the last one
     * started, so a parent that joins only the last child returns while the slow one is still counting.
     */
    static long incrementFirstArrivalSlowly(Path counterFile) throws IOException {
        long next = incrementAndLog(counterFile, true, 0);
        if (isSlowProcess(counterFile)) {
            try {
                Thread.sleep(100); // simulated slow work, not a wait for anything
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return next;
    }

    /** How long a child waits at the start gate of {@link #incrementAtStartGate} for the others. */
    static final java.time.Duration GATE_WAIT = java.time.Duration.ofSeconds(15);

    /**
     * Opens the start gate of {@link #incrementAtStartGate} for {@code processes} children: each waits until
     * that many have arrived.
     */
    static void expectAtStartGate(Path counterFile, int processes) throws IOException {
        Files.writeString(sibling(counterFile, ".gate"), Integer.toString(processes), StandardCharsets.US_ASCII);
    }

    /**
     * As {@link #incrementAndLogPid}, but before its first increment each process waits at a start gate until
     * every child expected there ({@link #expectAtStartGate}) has arrived, for at most {@link #GATE_WAIT}.
     * Children that run at the same time meet there however slowly their JVMs start; a child that waited in
     * vain (its siblings were not running yet) leaves a file {@code <counter>.alone-<pid>}.
     */
    static long incrementAtStartGate(Path counterFile) throws IOException {
        passStartGate(counterFile);
        return incrementAndLog(counterFile, true, 0);
    }

    /** @return the pids of the children that waited at the start gate in vain */
    static List<Long> aloneAtTheGate(Path counterFile) throws IOException {
        return pidsMarked(counterFile, ".alone-");
    }

    /** In a child JVM: whether this process has passed the start gate. */
    private static boolean passedGate;

    private static synchronized void passStartGate(Path counterFile) throws IOException {
        if (passedGate) {
            return;
        }
        passedGate = true;
        int expected = Integer.parseInt(Files.readString(sibling(counterFile, ".gate"), StandardCharsets.US_ASCII).strip());
        long pid = ProcessHandle.current().pid();
        Files.createFile(sibling(counterFile, ".ready-" + pid));
        long deadline = System.nanoTime() + GATE_WAIT.toNanos();
        while (pidsMarked(counterFile, ".ready-").size() < expected) {
            if (System.nanoTime() > deadline) {
                Files.createFile(sibling(counterFile, ".alone-" + pid));
                return;
            }
            pause(5);
        }
    }

    /** @return the pids of the children that have reached the start gate (or the release gate) */
    static List<Long> arrived(Path counterFile) throws IOException {
        return pidsMarked(counterFile, ".ready-");
    }

    /**
     * Increments only once the test has called {@link #release}: before its first increment each process
     * announces itself ({@link #arrived}) and waits, for at most a minute. Keeps the children running for as
     * long as a test needs, for instance to interrupt the parent while it waits for them.
     */
    static long incrementWhenReleased(Path counterFile) throws IOException {
        awaitRelease(counterFile);
        return incrementAndLog(counterFile, false, 0);
    }

    /** Lets the children of {@link #incrementWhenReleased} go on. */
    static void release(Path counterFile) throws IOException {
        Files.writeString(sibling(counterFile, ".release"), "go");
    }

    private static boolean released;

    private static synchronized void awaitRelease(Path counterFile) throws IOException {
        if (released) {
            return;
        }
        released = true;
        Files.createFile(sibling(counterFile, ".ready-" + ProcessHandle.current().pid()));
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
        while (!Files.exists(sibling(counterFile, ".release")) && System.nanoTime() < deadline) {
            pause(5);
        }
    }

    /**
     * As {@link #incrementAndLogPid}, except in one child: the first process to arrive fails at once with an
     * {@link IOException}, and writes {@code <pid> <name>} (the name of its JvmProcess) into
     * {@code <counter>.failed} first. The others make every increment.
     */
    static long incrementButFailInOneChild(Path counterFile) throws IOException {
        if (isFailingProcess(counterFile)) {
            throw new IOException("planned failure of the test's counter update in pid " + ProcessHandle.current().pid());
        }
        return incrementAndLog(counterFile, true, 0);
    }

    /** @return {@code <pid> <name>} of the child that failed on purpose */
    static String failedChild(Path counterFile) throws IOException {
        return Files.readString(sibling(counterFile, ".failed"), StandardCharsets.UTF_8).strip();
    }

    private static Boolean failingProcess;

    private static synchronized boolean isFailingProcess(Path counterFile) throws IOException {
        if (failingProcess == null) {
            Path claim = sibling(counterFile, ".failed");
            try {
                Files.createFile(claim);
                String name = workbook.process.JvmProcess.current().map(workbook.process.JvmProcess::name).orElse("?");
                Files.writeString(claim, ProcessHandle.current().pid() + " " + name, StandardCharsets.UTF_8);
                failingProcess = true;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                failingProcess = false;
            }
        }
        return failingProcess;
    }

    private static Path sibling(Path counterFile, String suffix) {
        return counterFile.resolveSibling(counterFile.getFileName() + suffix);
    }

    private static List<Long> pidsMarked(Path counterFile, String infix) throws IOException {
        String prefix = counterFile.getFileName() + infix;
        try (var files = Files.list(counterFile.toAbsolutePath().getParent())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix))
                    .map(n -> Long.parseLong(n.substring(prefix.length()))).sorted().toList();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // polls a file another process creates; no other way to wait for it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting at a gate", e);
        }
    }

    /** In a child JVM: whether this process claimed the slow role (decided once, at its first increment). */
    private static Boolean slowProcess;

    private static synchronized boolean isSlowProcess(Path counterFile) throws IOException {
        if (slowProcess == null) {
            try {
                Files.createFile(counterFile.resolveSibling(counterFile.getFileName() + ".slow"));
                slowProcess = true;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                slowProcess = false;
            }
        }
        return slowProcess;
    }

    static Path logOf(Path counterFile) {
        return counterFile.resolveSibling(counterFile.getFileName() + ".log");
    }

    private static long incrementAndLog(Path counterFile, boolean log, long workMillis) throws IOException {
        long next;
        try (FileChannel channel = FileChannel.open(counterFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            next = (text.isEmpty() ? 0 : Long.parseLong(text)) + 1;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(next).getBytes(StandardCharsets.US_ASCII)), 0);
            if (log) {
                String line = ProcessHandle.current().pid() + " " + Instant.now().toEpochMilli() + "\n";
                Files.writeString(logOf(counterFile), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        if (workMillis > 0) {
            try {
                Thread.sleep(workMillis); // simulated work between two updates, not a wait for anything
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return next;
    }
}
