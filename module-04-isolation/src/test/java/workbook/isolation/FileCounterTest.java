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

        assertThat(FileCounter.incrementLocked(counter))
                .as("a missing file is created and counts as 0: the first increment returns 1")
                .isEqualTo(1);
        assertThat(Files.readString(counter, StandardCharsets.US_ASCII))
                .as("the new value is written as decimal digits")
                .isEqualTo("1");
    }

    @Test
    void theNewValueReplacesTheOldContent() throws Exception {
        Path counter = dir.resolve("counter.txt");
        Files.writeString(counter, "99\n");

        assertThat(FileCounter.incrementLocked(counter))
                .as("increments the counter by exactly one and returns the value written")
                .isEqualTo(100);
        assertThat(Files.readString(counter, StandardCharsets.US_ASCII))
                .as("the new value is written as decimal digits, replacing the old content entirely").isEqualTo("100");
    }

    @Test
    void aFileThatHoldsNoNumberIsReportedByName() throws Exception {
        Path counter = dir.resolve("not a counter.txt");
        Files.writeString(counter, "forty-one");

        assertThatThrownBy(() -> FileCounter.incrementLocked(counter),
                "a file that holds something other than a number throws IllegalStateException naming the file")
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
