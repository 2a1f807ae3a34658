package workbook.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("3.3")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonDeathTest {

    /** Measured: a few milliseconds. The bound allows for a heavily loaded machine. */
    static final Duration DEATH_BOUND = Duration.ofSeconds(5);

    @Test
    void aDaemonEndsWhenItsParentEndsNormally(@TempDir Path dir) throws Exception {
        try (ParentJvm parent = ParentJvm.start("daemon", "return", dir)) {
            parent.awaitEnd(Duration.ofSeconds(30));
            long parentGone = System.nanoTime();
            long daemonGone = awaitDaemonGone(parent, "the daemon child, after its parent's main returned,");
            report("parent returned from main", parentGone, daemonGone);
        }
    }

    @Test
    void aDaemonEndsWhenItsParentIsKilledForcibly(@TempDir Path dir) throws Exception {
        try (ParentJvm parent = ParentJvm.start("daemon", "wait", dir)) {
            parent.process().destroyForcibly();
            parent.awaitEnd(Duration.ofSeconds(10));
            long parentGone = System.nanoTime();
            long daemonGone = awaitDaemonGone(parent,
                    "the daemon child, after its parent was killed with SIGKILL (no shutdown hook ran),");
            report("parent killed (SIGKILL)", parentGone, daemonGone);
        }
    }

    /**
     * Waits up to {@link #DEATH_BOUND} for the parent's daemon to be gone. A failure shows what the parent
     * JVM wrote to standard error: the daemon's own errors are forwarded there.
     */
    static long awaitDaemonGone(ParentJvm parent, String what) {
        try {
            return OsProcesses.awaitGone(parent.childPid(), DEATH_BOUND, what);
        } catch (AssertionError stillRunning) {
            throw new AssertionError(stillRunning.getMessage() + "\nWhat the parent and its daemon wrote to standard error:\n"
                    + parent.errors().strip(), stillRunning);
        }
    }

    static void report(String how, long parentSeenGone, long daemonSeenGone) {
        System.out.printf("[3.3] %s: daemon seen gone %.1f ms after the parent was seen gone%n", how,
                (daemonSeenGone - parentSeenGone) / 1e6);
    }
}
