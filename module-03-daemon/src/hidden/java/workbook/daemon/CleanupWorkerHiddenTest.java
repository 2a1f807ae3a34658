package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
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
}
