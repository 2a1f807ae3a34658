package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
