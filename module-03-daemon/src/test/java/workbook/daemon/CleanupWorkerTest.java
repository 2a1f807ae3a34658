package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.ExitStatus;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("3.6")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: terminate() is as forcible as kill()")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CleanupWorkerTest {

    private CleanupWorker worker;

    @AfterEach
    void endTheWorker() throws InterruptedException {
        if (worker != null && worker.isAlive()) {
            worker.kill();
            worker.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPoliteTerminationRemovesTheWorkFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("work.pid");
        worker = startAndAwaitWorkFile(new CleanupWorker("polite", file));

        worker.terminate();

        assertThat(worker.join(Duration.ofSeconds(15)))
                .as("worker %d ended within 15 s of terminate()", worker.pid())
                .isTrue();
        assertThat(worker.exitStatus()).as("how the worker ended: a JVM handles SIGTERM, runs its hooks and exits with 143")
                .contains(new ExitStatus(143));
        assertThat(file).as("a shutdown hook deletes the work file: after terminate() the file is gone").doesNotExist();
    }

    @Test
    void aForcibleKillLeavesTheWorkFileBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("work.pid");
        worker = startAndAwaitWorkFile(new CleanupWorker("forced", file));

        worker.kill();

        assertThat(worker.join(Duration.ofSeconds(15))).as("worker %d ended within 15 s of kill()", worker.pid()).isTrue();
        assertThat(worker.exitStatus()).as("how the worker ended: SIGKILL, 128 + 9").contains(new ExitStatus(137));
        assertThat(file).as("after kill() the work file is still there: no code runs on SIGKILL").exists();
        assertThat(Files.readString(file))
                .as("the work file holds this process's pid as its only content, no line break")
                .isEqualTo(Long.toString(worker.pid()));
    }

    /**
     * Starts the worker, keeping its output for failure messages, and waits until its file holds its pid:
     * then the hook is in place.
     */
    static CleanupWorker startAndAwaitWorkFile(CleanupWorker worker) throws Exception {
        worker.captureOutput();
        worker.start();
        String expected = Long.toString(worker.pid());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(worker.workFile()) && expected.equals(readQuietly(worker.workFile())))) {
            if (!worker.isAlive() || System.nanoTime() >= deadline) {
                throw new AssertionError("worker " + worker.pid() + " did not write its pid to " + worker.workFile()
                        + " within 30 s (" + worker + "); its standard error:\n" + worker.errorOutput().strip());
            }
            Thread.sleep(10);
        }
        return worker;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception notYet) {
            return "";
        }
    }
}
