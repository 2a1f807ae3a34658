package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.process.ExitStatus;
import workbook.testsupport.Exercise;

@Exercise("2.2")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BoundedJoinHiddenTest {

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(List.of(), processes);
    }

    @RepeatedTest(2)
    void waitsTheWholeRandomTimeoutThenLeavesTheChildAlone() throws Exception {
        Process child = Children.sleepThenExit(30_000, 0);
        processes.add(child);
        long millis = ThreadLocalRandom.current().nextLong(300, 1200);

        long start = System.nanoTime();
        Optional<ExitStatus> result = BoundedJoin.waitAtMost(child, Duration.ofMillis(millis));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isEmpty();
        assertThat(waited).as("waitAtMost(%d ms) returned after %d ms", millis, waited.toMillis())
                .isBetween(Duration.ofMillis(millis * 9 / 10), Duration.ofMillis(millis + 5_000));
        Children.assertStillRunning(child, "after waitAtMost timed out: a bounded join must leave the child running");
    }

    @RepeatedTest(2)
    void reportsARandomExitValue() throws Exception {
        int exitValue = ThreadLocalRandom.current().nextInt(1, 120);
        Process child = Children.sleepThenExit(ThreadLocalRandom.current().nextLong(50, 600), exitValue);
        processes.add(child);

        assertThat(BoundedJoin.waitAtMost(child, Duration.ofSeconds(25))).contains(new ExitStatus(exitValue));
    }

    @Test
    void aZeroTimeoutOnlyLooks() throws Exception {
        Process running = Children.sleepThenExit(30_000, 0);
        processes.add(running);
        long start = System.nanoTime();
        assertThat(BoundedJoin.waitAtMost(running, Duration.ZERO)).as("a running child, looked at with a zero timeout").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a zero timeout must not wait").isLessThan(Duration.ofSeconds(2));
        Children.assertStillRunning(running, "after a zero timeout");

        Process ended = Children.sleepThenExit(0, 5);
        processes.add(ended);
        assertThat(ended.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(BoundedJoin.waitAtMost(ended, Duration.ZERO)).as("a child that has already ended, looked at with a zero timeout")
                .contains(new ExitStatus(5));
    }

    @Test
    void rejectsNullsAndAnyNegativeTimeout() throws Exception {
        Process child = Children.sleepThenExit(30_000, 0);
        processes.add(child);
        assertThatThrownBy(() -> BoundedJoin.waitAtMost(null, Duration.ofSeconds(1))).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("child");
        assertThatThrownBy(() -> BoundedJoin.waitAtMost(child, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> BoundedJoin.waitAtMost(child, Duration.ofSeconds(-ThreadLocalRandom.current().nextLong(1, 1000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        Children.assertStillRunning(child, "after bad arguments were rejected");
    }

    @Test
    void anInterruptWhileWaitingThrowsInterruptedExceptionAndLeavesTheChildRunning() throws Exception {
        Process child = Children.sleepThenExit(30_000, 0);
        processes.add(child);

        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> BoundedJoin.waitAtMost(child, Duration.ofSeconds(10)));
        } finally {
            Thread.interrupted();
        }

        assertThat(thrown).as("waitAtMost() called on an interrupted thread: the interrupt must come out as"
                + " InterruptedException; empty means \"the time was up\", which it was not").isInstanceOf(InterruptedException.class);
        Children.assertStillRunning(child, "after the wait was interrupted: a bounded join never stops the child");
    }
}
