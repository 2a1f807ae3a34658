package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("4.5")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class FileCounterTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileCountsAsZero() throws Exception {
        Path counter = dir.resolve("counter.txt");

        assertThat(FileCounter.incrementLocked(counter)).as("value returned for a missing counter file").isEqualTo(1);
        assertThat(Files.readString(counter, StandardCharsets.US_ASCII)).as("content of the new counter file").isEqualTo("1");
    }

    @Test
    void theNewValueReplacesTheOldContent() throws Exception {
        Path counter = dir.resolve("counter.txt");
        Files.writeString(counter, "99\n");

        assertThat(FileCounter.incrementLocked(counter)).as("value returned after 99").isEqualTo(100);
        assertThat(Files.readString(counter, StandardCharsets.US_ASCII))
                .as("content after incrementing 99: only the new digits").isEqualTo("100");
    }

    @Test
    void aFileThatHoldsNoNumberIsReportedByName() throws Exception {
        Path counter = dir.resolve("not a counter.txt");
        Files.writeString(counter, "forty-one");

        assertThatThrownBy(() -> FileCounter.incrementLocked(counter))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(counter.toString());
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "Linux shows blocked lock requests in /proc/locks")
    void aChildWaitsForTheLockBeforeReading() throws Exception {
        LockHolder.assertChildWaitsAndSeesTheNewValue(dir.resolve("counter.txt"), 41, 50);
    }

    @Test
    void tenProcessesTimesAHundredIncrementsCountExactly() throws Exception {
        Path counter = dir.resolve("counter.txt");

        long result = CounterHammer.hammer(counter, dir, 10, 100);

        assertThat(result)
                .as("the counter after 10 processes each incremented it 100 times at the same moment; less means"
                        + " updates were lost: the lock must cover the read, the addition and the write")
                .isEqualTo(1000);
    }
}
