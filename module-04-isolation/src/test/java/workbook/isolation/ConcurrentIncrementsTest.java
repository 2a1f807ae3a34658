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
                .as("waits for every child, then returns the value the file holds: 10 processes x 100 increments")
                .isEqualTo(1000);
        assertThat(Files.readString(counter, StandardCharsets.US_ASCII))
                .as("each child calls update exactly incrementsEach times: the file holds 10 x 100 once every child ended")
                .isEqualTo("1000");
    }

    @Test
    void everyChildIsAProcessOfItsOwn() throws Exception {
        Path counter = dir.resolve("counter.txt");

        ConcurrentIncrements.runConcurrently(counter, 3, 5, TestCounterUpdates::incrementAndLogPid);

        IncrementLog log = IncrementLog.read(TestCounterUpdates.logOf(counter));
        assertThat(log.countsByPid())
                .as("each child is a process of its own, not this test JVM: 3 children made the increments")
                .hasSize(3)
                .doesNotContainKey(ProcessHandle.current().pid())
                .allSatisfy((pid, count) -> assertThat(count)
                        .as("each child calls update exactly incrementsEach (5) times; pid %d did not", pid)
                        .isEqualTo(5));
    }

    @Test
    void zeroProcessesAreRejected() {
        assertThatThrownBy(() -> ConcurrentIncrements.runConcurrently(dir.resolve("c"), 0, 100, TestCounterUpdates::increment),
                "a count out of range (0 processes) throws IllegalArgumentException naming the parameter")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("processes");
    }

    @Test
    void theIncrementsRunInChildProcesses() {
        ProcessRules.assertStartsAProcess(ConcurrentIncrements.class);
    }
}
