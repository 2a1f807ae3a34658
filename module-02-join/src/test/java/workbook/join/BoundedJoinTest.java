package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.process.ExitStatus;
import workbook.testsupport.Exercise;

@Exercise("2.2")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BoundedJoinTest {

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(List.of(), processes);
    }

    @Test
    void returnsEmptyWhenTheTimeIsUpAndLeavesTheChildRunning() throws Exception {
        Process child = Children.sleepThenExit(30_000, 0);
        processes.add(child);
        Duration timeout = Duration.ofMillis(500);

        long start = System.nanoTime();
        Optional<ExitStatus> result = BoundedJoin.waitAtMost(child, timeout);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).as("the child sleeps 30 s, so it cannot have ended within 500 ms").isEmpty();
        assertThat(waited).as("waitAtMost(500 ms) returned after %d ms: it must wait the whole timeout", waited.toMillis())
                .isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(waited).as("waitAtMost(500 ms) returned only after %d ms", waited.toMillis())
                .isLessThan(Duration.ofSeconds(5));
        Children.assertStillRunning(child, "after waitAtMost timed out: a bounded join must leave the child running");
    }

    @Test
    void returnsTheExitStatusWhenTheChildEndsInTime() throws Exception {
        Process child = Children.sleepThenExit(200, 7);
        processes.add(child);

        long start = System.nanoTime();
        Optional<ExitStatus> result = BoundedJoin.waitAtMost(child, Duration.ofSeconds(25));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).as("the child exits with 7 after 200 ms, well within 25 s").contains(new ExitStatus(7));
        assertThat(waited).as("waitAtMost must return as soon as the child ends, not when the timeout is up")
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void rejectsANegativeTimeout() throws Exception {
        Process child = Children.sleepThenExit(30_000, 0);
        processes.add(child);

        assertThatThrownBy(() -> BoundedJoin.waitAtMost(child, Duration.ofMillis(-1)),
                "a negative timeout is an IllegalArgumentException whose message says so (\"negative\")")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        Children.assertStillRunning(child, "after a bad timeout was rejected: the child must not be touched");
    }
}
