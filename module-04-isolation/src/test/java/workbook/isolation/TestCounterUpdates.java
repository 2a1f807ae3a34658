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
