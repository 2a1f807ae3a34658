package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.ExitStatus;
import workbook.testsupport.Exercise;

@Exercise("3.6")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: terminate() is as forcible as kill()")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CleanupWorkerHiddenTest {

    private CleanupWorker first;
    private CleanupWorker second;

    @AfterEach
    void endTheWorkers() throws InterruptedException {
        for (CleanupWorker worker : new CleanupWorker[] {first, second}) {
            if (worker != null && worker.isAlive()) {
                worker.kill();
                worker.join(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void eachWorkerRemovesOnlyItsOwnFile(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("work files " + ThreadLocalRandom.current().nextInt(1000)));
        Path firstFile = folder.resolve("first worker " + ThreadLocalRandom.current().nextInt(1000) + ".pid");
        Path secondFile = folder.resolve("zweiter Arbeiter " + ThreadLocalRandom.current().nextInt(1000) + ".pid");
        first = CleanupWorkerTest.startAndAwaitWorkFile(new CleanupWorker("first", firstFile));
        second = CleanupWorkerTest.startAndAwaitWorkFile(new CleanupWorker("second", secondFile));

        assertThat(Files.readString(firstFile)).as("the first work file holds exactly its worker's pid")
                .isEqualTo(Long.toString(first.pid()));

        first.terminate();
        assertThat(first.join(Duration.ofSeconds(15))).as("the first worker ended within 15 s of terminate()").isTrue();
        assertThat(first.exitStatus()).as("a JVM ended by SIGTERM exits with 143").contains(new ExitStatus(143));
        assertThat(firstFile).as("the politely terminated worker's file").doesNotExist();

        assertThat(second.isAlive()).as("the second worker still runs").isTrue();
        assertThat(secondFile).as("the second worker's file, still in use").exists();
        assertThat(Files.readString(secondFile)).isEqualTo(Long.toString(second.pid()));
    }

    @Test
    void aWorkerKeepsRunningUntilItIsEnded(@TempDir Path dir) throws Exception {
        first = CleanupWorkerTest.startAndAwaitWorkFile(new CleanupWorker("steady", dir.resolve("steady.pid")));
        assertThat(first.join(Duration.ofSeconds(2))).as("the worker ended on its own, without being asked").isFalse();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "where a thread is blocked is read from /proc")
    void theHookIsInPlaceBeforeTheWorkFileIsCreated(@TempDir Path dir) throws Exception {
        // The work file is a FIFO: creating it (opening it to write) blocks until somebody opens it to read, which
        // this test never does. A polite request while the worker is blocked there must still remove the file.
        Path file = dir.resolve("work.pid");
        Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo %s", file).isTrue();
        first = new CleanupWorker("blocked", file);
        first.captureOutput();
        first.start();
        awaitBlockedOpeningAFifo(first.pid());

        first.terminate();

        assertThat(first.join(Duration.ofSeconds(15))).as("the worker ended within 15 s of terminate()").isTrue();
        assertThat(file).as("the work file after terminate(), sent while the worker was creating it: register the hook"
                + " that removes it before you create the file, so that there is no moment without it").doesNotExist();
    }

    /** Waits until a thread of {@code pid} is blocked opening a FIFO ({@code wait_for_partner} in /proc). */
    private static void awaitBlockedOpeningAFifo(long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!blockedOpeningAFifo(pid)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("worker " + pid + " did not come to create its work file within 30 s");
            }
            Thread.sleep(10);
        }
    }

    private static boolean blockedOpeningAFifo(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.anyMatch(task -> {
                try {
                    return Files.readString(task.resolve("wchan")).contains("wait_for_partner");
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException gone) {
            return false;
        }
    }
}
