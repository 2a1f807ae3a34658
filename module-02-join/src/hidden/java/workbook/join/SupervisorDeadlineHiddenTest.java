package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

/**
 * Exercise 2.4's deadline: one for the whole group, counted from the call, and the children it names. These
 * tests wait out real deadlines (15 s together), so they are a class of their own: a build with several test
 * JVMs runs them beside {@link SupervisorHiddenTest} instead of after it.
 */
@Exercise("2.4")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class SupervisorDeadlineHiddenTest {

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    @Test
    void theDeadlineIsForTheWholeGroupNotForEachChild() {
        // Each child ends less than 3 s after the one before, but the group needs 5.5 s: past the deadline.
        List<Napper> group = List.of(new Napper("a", 1000), new Napper("b", 2500), new Napper("c", 4000), new Napper("d", 5500));
        children.addAll(group);

        long start = System.nanoTime();
        DeadlineExceededException exceeded = catchThrowableOfType(DeadlineExceededException.class,
                () -> Supervisor.runAll(group, Duration.ofSeconds(3)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exceeded).as("the group needs at least 5.5 s and the deadline is 3 s: runAll must throw"
                + " DeadlineExceededException (a timeout per child is not one deadline)").isNotNull();
        assertThat(exceeded.stillRunning()).contains("c", "d");
        assertThat(took).as("runAll with a 3 s deadline took %d ms", took.toMillis())
                .isBetween(Duration.ofMillis(2900), Duration.ofSeconds(13));
        Children.assertAllEnded(group, "after the deadline passed");
    }

    @Test
    void theExceptionNamesExactlyTheChildrenStillRunningAtTheDeadline() {
        // The quick children end at once; the deadline leaves them seconds to do so even on a loaded machine.
        List<Napper> group = List.of(new Napper("quick-0", 0), new Napper("slow-1", 30_000), new Napper("quick-2", 0),
                new Napper("slow-3", 30_000));
        children.addAll(group);

        DeadlineExceededException exceeded = catchThrowableOfType(DeadlineExceededException.class,
                () -> Supervisor.runAll(group, Duration.ofSeconds(8)));

        assertThat(exceeded).as("two children sleep 30 s and the deadline is 8 s: runAll must throw DeadlineExceededException")
                .isNotNull();
        assertThat(exceeded.stillRunning())
                .as("the names in DeadlineExceededException: exactly the children still running when the deadline passed,"
                        + " not those that had already ended")
                .containsExactlyInAnyOrder("slow-1", "slow-3");
        Children.assertAllEnded(group, "after the deadline passed");
    }

    @Test
    void theDeadlineCountsFromTheCallTheTimeToStartIncluded() {
        // Starting each of these children takes 2 s: after 4 s of starting, only 0.5 s of the deadline is left.
        List<JvmProcess> group = List.of(new SlowToStart("slow-start-1", 2000), new SlowToStart("slow-start-2", 2000));
        children.addAll(group);

        long start = System.nanoTime();
        DeadlineExceededException exceeded = catchThrowableOfType(DeadlineExceededException.class,
                () -> Supervisor.runAll(group, Duration.ofMillis(4500)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exceeded).as("the children sleep 30 s and the deadline is 4.5 s: runAll must throw DeadlineExceededException")
                .isNotNull();
        assertThat(took).as("runAll with a 4.5 s deadline, of which starting the children took 4 s, took %d ms: the deadline"
                        + " is counted from the call, so the time spent starting the children is part of it", took.toMillis())
                .isBetween(Duration.ofMillis(4400), Duration.ofMillis(7500));
        Children.assertAllEnded(group, "after the deadline passed");
    }

    /** A child whose start() takes a given time before the child JVM is started, then sleeps 30 s. */
    static final class SlowToStart extends JvmProcess {
        private static final long serialVersionUID = 1L;
        private final long startMillis;

        SlowToStart(String name, long startMillis) {
            super(name);
            this.startMillis = startMillis;
        }

        @Override
        public void start() {
            try {
                Thread.sleep(startMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.start();
        }

        @Override
        public void run() {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
