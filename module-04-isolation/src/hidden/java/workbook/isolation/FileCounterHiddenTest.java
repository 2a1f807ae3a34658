package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("4.5")
@Timeout(value = 55, unit = TimeUnit.SECONDS)
class FileCounterHiddenTest {

    @TempDir
    Path dir;

    @Test
    void manyProcessesFromARandomStartLoseNothing() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long start = random.nextLong(1, 1_000_000_000L);
        int processes = random.nextInt(12, 15);
        int increments = random.nextInt(150, 200);
        Path counter = dir.resolve("counter.txt");
        Files.writeString(counter, Long.toString(start), StandardCharsets.US_ASCII);

        long result = CounterHammer.hammer(counter, dir, processes, increments);

        assertThat(result)
                .as("the counter after %d processes each incremented it %d times at the same moment, starting from %d:"
                        + " %d increments were lost. Hold one FileChannel.lock() from before the read until after the write;"
                        + " a lock on the read alone, on the write alone, or a lock inside one JVM is not enough",
                        processes, increments, start, start + (long) processes * increments - result)
                .isEqualTo(start + (long) processes * increments);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "Linux shows blocked lock requests in /proc/locks")
    void aChildWaitsForTheLockBeforeReadingRandomValues() throws Exception {
        long initial = ThreadLocalRandom.current().nextLong(0, 1_000_000);
        long replacement = initial + ThreadLocalRandom.current().nextLong(2, 1_000_000);

        LockHolder.assertChildWaitsAndSeesTheNewValue(dir.resolve("counter.txt"), initial, replacement);
    }

    @Test
    void aShorterNewValueLeavesNoOldDigitsBehind() throws Exception {
        Path counter = dir.resolve("counter.txt");
        Files.writeString(counter, "000000000000099");

        assertThat(FileCounter.incrementLocked(counter)).isEqualTo(100);
        assertThat(Files.readString(counter, StandardCharsets.US_ASCII))
                .as("the file after incrementing '000000000000099': the new value replaces the old content entirely")
                .isEqualTo("100");
    }

    @Test
    void theCounterTakesAFileLockThatOtherProcessesSee() {
        Set<String> locks = ProcessRules.callsFrom(FileCounter.class, call -> call.getTargetOwner().isAssignableTo(FileChannel.class)
                && (call.getName().equals("lock") || call.getName().equals("tryLock")));
        assertThat(locks)
                .as("FileCounter must lock the file with FileChannel.lock(): synchronized and ReentrantLock exclude the"
                        + " threads of one JVM only, and the other incrementing processes never see them")
                .isNotEmpty();
    }
}
