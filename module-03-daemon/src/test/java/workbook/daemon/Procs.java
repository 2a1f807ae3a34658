package workbook.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Test-side facts about processes, read without the code under test: whether a process is gone, and
 * its raw state letter on Linux.
 */
final class Procs {

    static final boolean HAS_PROC = Files.isDirectory(Path.of("/proc/self"));

    private Procs() {
    }

    /**
     * @return the state letter of {@code /proc/PID/stat}, or {@code '-'} if there is no such process
     *         (Linux only)
     */
    static char rawState(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.charAt(line.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException noSuchProcess) {
            return '-';
        }
    }

    /**
     * A process is gone when it no longer exists or is a zombie: a zombie runs no code any more; it only
     * waits for its (new) parent to collect its exit status. {@code ProcessHandle.isAlive()} alone says
     * true for a zombie.
     */
    static boolean isGone(long pid) {
        if (HAS_PROC) {
            char state = rawState(pid);
            return state == '-' || state == 'Z' || state == 'X';
        }
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /**
     * Waits until a process is gone, polling every millisecond.
     *
     * @return the nanoTime at which it was first seen gone
     * @throws AssertionError if it is still running after {@code within}
     */
    static long awaitGone(long pid, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!isGone(pid)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(what + " (pid " + pid + ") was still running " + within.toMillis() + " ms later");
            }
            sleepMillis(1);
        }
        return System.nanoTime();
    }

    /**
     * Ends a process this test made on purpose and that may no longer be our descendant (an orphan), and
     * checks that it is gone. Does nothing if it is gone already.
     */
    static void end(long pid) {
        if (pid <= 0 || isGone(pid)) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone(pid, Duration.ofSeconds(10), "the process this test made and then killed");
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
