package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("4.6")
@Timeout(value = 55, unit = TimeUnit.SECONDS)
class ConcurrentIncrementsHiddenTest {

    @TempDir
    Path dir;

    @Test
    void randomCountsFromARandomStart() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long start = random.nextLong(1, 1_000_000);
        int processes = random.nextInt(10, 13);
        int increments = random.nextInt(100, 131);
        Path counter = dir.resolve("counter.txt");
        Files.writeString(counter, Long.toString(start), StandardCharsets.US_ASCII);

        long result = ConcurrentIncrements.runConcurrently(counter, processes, increments, TestCounterUpdates::incrementAndLogPid);

        long expected = start + (long) processes * increments;
        assertThat(result)
                .as("the value returned: the file held %d, then %d children made %d increments each", start, processes, increments)
                .isEqualTo(expected);
        assertThat(Files.readString(counter, StandardCharsets.US_ASCII)).as("the counter file").isEqualTo(Long.toString(expected));
        IncrementLog log = IncrementLog.read(TestCounterUpdates.logOf(counter));
        assertThat(log.countsByPid())
                .as("increments per process: %d children with %d each, none by this test JVM", processes, increments)
                .hasSize(processes)
                .doesNotContainKey(ProcessHandle.current().pid())
                .allSatisfy((pid, count) -> assertThat(count).as("increments by pid %d", pid).isEqualTo(increments));
    }

    @Test
    void theChildrenRunAtTheSameTime() throws Exception {
        Path counter = dir.resolve("counter.txt");

        ConcurrentIncrements.runConcurrently(counter, 3, 20, TestCounterUpdates::incrementLogAndWork);

        List<IncrementLog.Span> spans = IncrementLog.read(TestCounterUpdates.logOf(counter)).spans();
        assertThat(spans).as("one span of increments per child").hasSize(3);
        boolean anyOverlap = false;
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                anyOverlap |= spans.get(i).overlaps(spans.get(j));
            }
        }
        assertThat(anyOverlap)
                .as("the children's increments (each child works about 200 ms) never overlapped in time: %s. Start every"
                        + " child first and join them afterwards; joining inside the start loop runs them one after the other",
                        spans)
                .isTrue();
    }

    @Test
    void everyChildIsWaitedForNotOnlyTheLast() throws Exception {
        Path counter = dir.resolve("counter.txt");

        long result = ConcurrentIncrements.runConcurrently(counter, 4, 10, TestCounterUpdates::incrementFirstArrivalSlowly);

        assertThat(result)
                .as("the value returned after 4 children made 10 increments each, the first of them to arrive slowly"
                        + " (about 1 s): a smaller value means runConcurrently returned before every child had ended."
                        + " Join every child, not only the last one started")
                .isEqualTo(40);
        assertThat(IncrementLog.read(TestCounterUpdates.logOf(counter)).countsByPid())
                .as("increments per child").hasSize(4).allSatisfy((pid, count) -> assertThat(count).isEqualTo(10));
    }

    @Test
    void theSmallestRunOneProcessOneIncrement() throws Exception {
        Path counter = dir.resolve("counter.txt");
        Files.writeString(counter, "41", StandardCharsets.US_ASCII);

        long result = ConcurrentIncrements.runConcurrently(counter, 1, 1, TestCounterUpdates::incrementAndLogPid);

        assertThat(result)
                .as("the value returned after 1 child made 1 increment on a file holding 41: one process and one"
                        + " increment each are the smallest valid counts, not bad arguments")
                .isEqualTo(42);
        assertThat(IncrementLog.read(TestCounterUpdates.logOf(counter)).countsByPid())
                .as("increments per process: 1 child with 1 increment, none by this test JVM")
                .hasSize(1)
                .doesNotContainKey(ProcessHandle.current().pid());
    }

    @Test
    void badArgumentsAreRejected() {
        Path counter = dir.resolve("counter.txt");
        assertThatThrownBy(() -> ConcurrentIncrements.runConcurrently(counter, 2, 0, TestCounterUpdates::increment))
                .as("zero increments each").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("incrementsEach");
        assertThatThrownBy(() -> ConcurrentIncrements.runConcurrently(counter, ConcurrentIncrements.MAX_PROCESSES + 1, 1,
                TestCounterUpdates::increment))
                .as("too many processes").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processes");
        assertThatThrownBy(() -> ConcurrentIncrements.runConcurrently(counter, 2, 1, null))
                .as("no update").isInstanceOf(NullPointerException.class);
    }

    @Test
    void theIncrementsRunInChildProcesses() {
        ProcessRules.assertStartsAProcess(ConcurrentIncrements.class);
    }
}
