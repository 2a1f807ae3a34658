package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("2.4")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class SupervisorTest {

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    private <T extends JvmProcess> List<T> track(List<T> group) {
        children.addAll(group);
        return group;
    }

    @Test
    void returnsTheStatusesWhenEveryChildSucceeds() throws Exception {
        List<Napper> group = track(List.of(new Napper("a", 300), new Napper("b", 600), new Napper("c", 100)));

        List<ExitStatus> statuses = Supervisor.runAll(group, Duration.ofSeconds(30));

        assertThat(statuses)
                .as("runAll returns the exit statuses, in list order, when every child ends successfully")
                .containsExactly(new ExitStatus(0), new ExitStatus(0), new ExitStatus(0));
        Children.assertAllEnded(group, "when runAll returned");
    }

    @Test
    void stopsTheOthersAsSoonAsOneFails() {
        Napper failing = new Napper("failing", 300, 3, null);
        List<Napper> group = track(List.of(new Napper("slow-1", 30_000), failing, new Napper("slow-2", 30_000)));

        long start = System.nanoTime();
        ChildFailedException failure = catchThrowableOfType(ChildFailedException.class,
                () -> Supervisor.runAll(group, Duration.ofSeconds(40)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure).as("runAll must throw ChildFailedException when a child exits with 3").isNotNull();
        assertThat(failure.child()).as("ChildFailedException names the child that failed").isSameAs(failing);
        assertThat(failure.status()).as("ChildFailedException names the failed child's status").isEqualTo(new ExitStatus(3));
        assertThat(took).as("the failure (after 0.3 s) was reported only after %d ms: do not wait for the slow"
                + " children to end first", took.toMillis()).isLessThan(Duration.ofSeconds(15));
        Children.assertAllEnded(group, "after runAll reported the failure: stop the others and wait for them");
    }

    @Test
    void stopsEveryChildWhenTheDeadlinePasses() {
        List<Napper> group = track(List.of(new Napper("slow-1", 30_000), new Napper("slow-2", 30_000)));

        long start = System.nanoTime();
        DeadlineExceededException exceeded = catchThrowableOfType(DeadlineExceededException.class,
                () -> Supervisor.runAll(group, Duration.ofMillis(1500)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exceeded).as("runAll must throw DeadlineExceededException when the 1.5 s deadline passes").isNotNull();
        assertThat(exceeded.stillRunning())
                .as("DeadlineExceededException names exactly the children still running when the deadline passed")
                .containsExactlyInAnyOrder("slow-1", "slow-2");
        assertThat(took).as("runAll with a 1.5 s deadline took %d ms", took.toMillis())
                .isBetween(Duration.ofMillis(1400), Duration.ofSeconds(12));
        Children.assertAllEnded(group, "after the deadline passed: stop every child and wait for it");
    }

    @Test
    void stopsTheStartedChildrenWhenOneCannotStart() {
        List<JvmProcess> group = track(List.of(new Napper("slow-1", 30_000), new Napper("slow-2", 30_000), new Unstartable()));

        assertThatThrownBy(() -> Supervisor.runAll(group, Duration.ofSeconds(30)),
                "a child that cannot be started: its start() exception propagates (the third child here)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unstartable");
        Children.assertAllEnded(group, "after a child failed to start: stop the ones already started");
    }

    @Test
    void rejectsBadInputBeforeStartingAnything() {
        List<Napper> group = track(List.of(new Napper("a", 100)));

        assertThatThrownBy(() -> Supervisor.runAll(group, Duration.ofMillis(-5)),
                "a negative deadline is an IllegalArgumentException naming the deadline")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> Supervisor.runAll(group, Duration.ZERO),
                "a zero deadline is an IllegalArgumentException naming the deadline")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> Supervisor.runAll(List.of(), Duration.ofSeconds(1)), "an empty list is an IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Supervisor.runAll(null, Duration.ofSeconds(1)),
                "a null list is a NullPointerException naming it: children")
                .isInstanceOf(NullPointerException.class).hasMessageContaining("children");
        Children.assertNoneStarted(group, "the input was rejected");
    }
}
