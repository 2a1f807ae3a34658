package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("4.6")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class ConcurrentIncrementsTest {

    @TempDir
    Path dir;

    @Test
    void tenProcessesTimesAHundredLockedIncrements() throws Exception {
        Path counter = dir.resolve("counter.txt");

        long result = ConcurrentIncrements.runConcurrently(counter, 10, 100, TestCounterUpdates::increment);

        assertThat(result)
                .as("the value returned after 10 processes each made 100 locked increments")
                .isEqualTo(1000);
        assertThat(Files.readString(counter, StandardCharsets.US_ASCII))
                .as("the counter file after every child ended").isEqualTo("1000");
    }

    @Test
    void everyChildIsAProcessOfItsOwn() throws Exception {
        Path counter = dir.resolve("counter.txt");

        ConcurrentIncrements.runConcurrently(counter, 3, 5, TestCounterUpdates::incrementAndLogPid);

        IncrementLog log = IncrementLog.read(TestCounterUpdates.logOf(counter));
        assertThat(log.countsByPid())
                .as("increments per process: 3 children, 5 each, none made by this test JVM")
                .hasSize(3)
                .doesNotContainKey(ProcessHandle.current().pid())
                .allSatisfy((pid, count) -> assertThat(count).as("increments by pid %d", pid).isEqualTo(5));
    }

    @Test
    void zeroProcessesAreRejected() {
        assertThatThrownBy(() -> ConcurrentIncrements.runConcurrently(dir.resolve("c"), 0, 100, TestCounterUpdates::increment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("processes");
    }

    @Test
    void theIncrementsRunInChildProcesses() {
        ProcessRules.assertStartsAProcess(ConcurrentIncrements.class);
    }
}
