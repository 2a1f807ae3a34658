package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("2.6")
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class OwnFilesHiddenTest {

    @TempDir
    Path dir;

    @Test
    void aRandomNumberOfWorkers() throws Exception {
        int count = ThreadLocalRandom.current().nextInt(6, 11);

        OwnFilesTest.checkCreated(dir, OwnFiles.createEach(dir, count), count);
    }

    @Test
    void aSingleWorker() throws Exception {
        OwnFilesTest.checkCreated(dir, OwnFiles.createEach(dir, 1), 1);
    }

    @Test
    void interruptedWhileJoiningItStopsTheWorkersAlreadyStarted() {
        // Interrupted before the call: the first join() throws InterruptedException while the workers boot.
        Thread.currentThread().interrupt();
        try {
            assertThat(catchThrowable(() -> OwnFiles.createEach(dir, 5)))
                    .as("createEach was called with this thread interrupted: joining must throw InterruptedException")
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        List<ProcessHandle> stillRunning = ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
        assertThat(stillRunning)
                .as("workers still running after createEach threw: when joining fails half way, kill the workers"
                        + " already started and wait for them, then let the exception out (nothing is left running)")
                .isEmpty();
    }

    @Test
    void aWorkerThatCouldNotCreateItsFileIsReported() throws Exception {
        int count = 5;
        int blocked = ThreadLocalRandom.current().nextInt(count);
        // A folder with the worker's file name: the worker cannot create its file and exits with 1.
        Files.createDirectory(dir.resolve(FileMaker.fileName(blocked)));

        assertThatThrownBy(() -> OwnFiles.createEach(dir, count))
                .as("worker %d could not create its file: createEach must say so", blocked)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("worker-" + blocked);
    }

    @Test
    void theFilesAreWrittenByChildProcesses() {
        assertThat(Children.calls(OwnFiles.class, "start", JvmProcess.class))
                .as("OwnFiles must start child processes (FileMaker.start()), not write the files itself")
                .isTrue();
    }
}
