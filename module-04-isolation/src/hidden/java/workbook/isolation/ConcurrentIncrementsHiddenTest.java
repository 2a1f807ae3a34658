package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
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
        TestCounterUpdates.expectAtStartGate(counter, 3);

        long result = ConcurrentIncrements.runConcurrently(counter, 3, 5, TestCounterUpdates::incrementAtStartGate);

        assertThat(TestCounterUpdates.aloneAtTheGate(counter))
                .as("pids of children that waited %d s at a start gate for their 2 siblings, in vain: the 3 children"
                        + " must all run at the same time. Start every child first and join them afterwards; joining"
                        + " inside the start loop runs them one after the other", TestCounterUpdates.GATE_WAIT.toSeconds())
                .isEmpty();
        assertThat(result).as("the value returned after 3 children made 5 increments each").isEqualTo(15);
    }

    @Test
    void aChildThatFailsIsReportedByPidOrNameAfterAllHaveEnded() throws Exception {
        Path counter = dir.resolve("counter.txt");
        int processes = 3;
        int increments = 20;

        Throwable thrown = catchThrowable(() -> ConcurrentIncrements.runConcurrently(counter, processes, increments,
                TestCounterUpdates::incrementButFailInOneChild));

        String[] failed = TestCounterUpdates.failedChild(counter).split(" ", 2);
        assertThat(thrown)
                .as("what runConcurrently did when one of its %d children failed (its update threw an IOException at"
                        + " once, so the child exited with an error): a failed child must be reported with an"
                        + " IllegalStateException, not hidden in a smaller count", processes)
                .isInstanceOf(IllegalStateException.class);
        assertThat(thrown.getMessage())
                .as("the message must name the child that failed, by its pid (%s) or its name ('%s')", failed[0], failed[1])
                .containsAnyOf(failed[0], failed[1]);
        assertThat(FileCounter.read(counter))
                .as("the counter when runConcurrently threw: the %d children that did not fail had all ended, with %d"
                        + " increments each; wait for every child before throwing", processes - 1, increments)
                .isEqualTo((long) (processes - 1) * increments);
    }

    @Test
    void anInterruptedWaitThrowsInterruptedException() throws Exception {
        Path counter = dir.resolve("counter.txt");
        int processes = 2;
        ForeignCall<Long> call = ForeignCall.start("runConcurrently",
                () -> ConcurrentIncrements.runConcurrently(counter, processes, 1, TestCounterUpdates::incrementWhenReleased));
        try {
            Awaitility.await("both children running, waiting for the test's release")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> TestCounterUpdates.arrived(counter).size() == processes || call.hasEnded());
            call.awaitBlocked(Duration.ofSeconds(10));

            call.thread().interrupt();

            assertThat(call.outcome(Duration.ofSeconds(10)))
                    .as("what runConcurrently did when its thread was interrupted while it waited for its children:"
                            + " an interrupt means stop waiting and throw InterruptedException (not go on waiting,"
                            + " not return a count)")
                    .isInstanceOf(InterruptedException.class);
        } finally {
            TestCounterUpdates.release(counter);
            call.awaitEnd(Duration.ofSeconds(30));
            for (ProcessHandle child : ProcessHandle.current().children().toList()) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        }
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
    @EnabledOnOs(value = OS.LINUX, disabledReason = "finds the children through /proc")
    void theLargestProcessCountIsAccepted() throws Exception {
        Path counter = dir.resolve("counter.txt");
        Throwable thrown;
        // Each child is killed as soon as it runs java: cheap, and all that matters here is whether
        // runConcurrently rejects the count before it starts any.
        try (NewDescendants killer = NewDescendants.killChildren(ConcurrentIncrements.MAX_PROCESSES)) {
            thrown = catchThrowable(() -> ConcurrentIncrements.runConcurrently(counter, ConcurrentIncrements.MAX_PROCESSES, 1,
                    TestCounterUpdates::increment));
        }

        assertThat(thrown)
                .as("what runConcurrently did with processes = MAX_PROCESSES (%d) when the test killed each child as it"
                        + " started: the largest valid count, not a bad argument, so the children start, and their failure"
                        + " is an IllegalStateException", ConcurrentIncrements.MAX_PROCESSES)
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIncrementsRunInChildProcesses() {
        ProcessRules.assertStartsAProcess(ConcurrentIncrements.class);
    }
}
