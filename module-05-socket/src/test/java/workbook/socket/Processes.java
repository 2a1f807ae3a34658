package workbook.socket;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** What the tests ask of the operating system about processes. */
final class Processes {

    private Processes() {
    }

    /** @return true if {@code pid} is a running process (not one that has exited, nor a zombie) */
    static boolean isRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive() && !isZombie(pid);
    }

    /** Fails the test unless {@code pid} has ended within {@code timeout}. */
    static void awaitEnd(long pid, Duration timeout, String what) throws Exception {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        try {
            handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " (pid " + pid + ") was still alive " + timeout.toSeconds() + " s later");
        }
    }

    /**
     * Stops {@code pid} with SIGSTOP (Unix only). A stopped process cannot act on SIGTERM, as a hung one
     * would not: only SIGKILL ends it.
     */
    static void freeze(long pid) throws Exception {
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start();
        if (!stop.waitFor(10, TimeUnit.SECONDS) || stop.exitValue() != 0) {
            stop.destroyForcibly();
            throw new AssertionError("kill -STOP " + pid + " did not succeed within 10 s");
        }
    }

    /** @return the pids of this JVM's running descendants */
    static List<Long> runningDescendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> !isZombie(p.pid())).map(ProcessHandle::pid).collect(Collectors.toList());
    }

    /**
     * Test clean-up: kills whatever this JVM still runs, so that one exercise's unfinished shutdown does
     * not fail another exercise's tests. Shutdown itself is graded by its own tests.
     */
    static void endAllDescendants() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().collect(Collectors.toList());
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The leaked-process guard reports anything that survived.
            }
        }
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.length() && stat.charAt(afterName + 2) == 'Z';
        } catch (java.io.IOException | RuntimeException notLinuxOrGone) {
            return false;
        }
    }
}
