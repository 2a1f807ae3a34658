package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("2.3")
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class JoinAllHiddenTest {

    @TempDir
    Path dir;

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    @Test
    void randomChildrenFinishingInAnyOrderAllEndAndReportInStartOrder() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = random.nextInt(3, 7);
        List<Napper> group = new ArrayList<>();
        List<ExitStatus> expected = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            // the first child is the slowest, so joining only the last one returns too early
            long sleep = i == 0 ? 2500 : random.nextLong(1500, 2300);
            int exitValue = random.nextInt(0, 100);
            group.add(new Napper("child-" + i, sleep, exitValue, dir.resolve("events.log")));
            expected.add(new ExitStatus(exitValue));
            sum += sleep;
        }
        children.addAll(group);

        long start = System.nanoTime();
        List<ExitStatus> statuses = Children.explainingMissingStatus(() -> JoinAll.runAll(group));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Children.assertAllEnded(group, "when runAll returned");
        assertThat(statuses).as("exit statuses in the order of the list").containsExactlyElementsOf(expected);
        assertThat(took).as("%d children that sleep %d ms in total took %d ms together: they did not run at the same time",
                n, sum, took.toMillis()).isLessThan(Duration.ofMillis(sum));
        assertThat(Intervals.overlappingPairs(EventLog.read(dir.resolve("events.log")))).isPositive();
    }

    @Test
    void aChildThatCannotStartLeavesNothingRunning() {
        List<JvmProcess> group = List.of(new Napper("slow-1", 30_000), new Napper("slow-2", 30_000), new Unstartable(),
                new Napper("never-started", 30_000));
        children.addAll(group);

        assertThatThrownBy(() -> JoinAll.runAll(group)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unstartable");
        Children.assertAllEnded(group, "after a child could not start: kill the ones already started");
        Children.assertNoneStarted(group.subList(3, 4), "an earlier child could not start");
    }

    @Test
    void anInterruptedJoinKillsAndWaitsForEveryChildStarted() {
        List<Napper> group = List.of(new Napper("slow-1", 30_000), new Napper("slow-2", 30_000));
        children.addAll(group);

        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> JoinAll.runAll(group));
        } finally {
            Thread.interrupted();
        }

        assertThat(thrown).as("runAll() called on an interrupted thread: the interrupted join must come out as"
                + " InterruptedException").isInstanceOf(InterruptedException.class);
        Children.assertAllEnded(group, "after the join was interrupted: kill the children already started and wait for them");
    }
}
