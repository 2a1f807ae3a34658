package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("2.3")
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class JoinAllTest {

    @TempDir
    Path dir;

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    private List<Napper> nappers(long[] sleeps, int[] exitValues, Path log) {
        List<Napper> made = new ArrayList<>();
        for (int i = 0; i < sleeps.length; i++) {
            made.add(new Napper("child-" + i, sleeps[i], exitValues[i], log));
        }
        children.addAll(made);
        return made;
    }

    @Test
    void theChildrenRunAtTheSameTime() throws Exception {
        long[] sleeps = {1500, 1500, 1500, 1500, 1500};
        Path log = dir.resolve("events.log");
        List<Napper> group = nappers(sleeps, new int[5], log);

        long start = System.nanoTime();
        Children.explainingMissingStatus(() -> JoinAll.runAll(group));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Duration serial = Duration.ofMillis(Arrays.stream(sleeps).sum());
        assertThat(took)
                .as("5 children that sleep 1.5 s each took %d ms together; one after another they take at least %d ms."
                        + " Start them all first, then join them", took.toMillis(), serial.toMillis())
                .isLessThan(serial);
        assertThat(Intervals.overlappingPairs(EventLog.read(log)))
                .as("no two children ran at the same time (events: %s): joining inside the start loop serialises them",
                        EventLog.read(log))
                .isPositive();
    }

    @Test
    void returnsOnlyWhenEveryChildHasEnded() throws Exception {
        List<Napper> group = nappers(new long[] {2500, 1200, 200}, new int[3], null);

        Children.explainingMissingStatus(() -> JoinAll.runAll(group));

        Children.assertAllEnded(group, "when runAll returned: join every child, not only the last one");
    }

    @Test
    void resultsComeBackInStartOrder() throws Exception {
        // The first child ends last: the order of the results must follow the list, not the finish.
        List<Napper> group = nappers(new long[] {1500, 1000, 500, 100}, new int[] {11, 12, 13, 14}, null);

        List<ExitStatus> statuses = Children.explainingMissingStatus(() -> JoinAll.runAll(group));

        assertThat(statuses).as("exit statuses, one per child, in the order of the list")
                .containsExactly(new ExitStatus(11), new ExitStatus(12), new ExitStatus(13), new ExitStatus(14));
    }

    @Test
    void rejectsBadInputBeforeStartingAnything() {
        assertThatThrownBy(() -> JoinAll.runAll(null), "a null list is a NullPointerException naming it: children")
                .isInstanceOf(NullPointerException.class).hasMessageContaining("children");
        assertThatThrownBy(() -> JoinAll.runAll(List.of()), "an empty list is an IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);

        List<Napper> withANull = new ArrayList<>(nappers(new long[] {100}, new int[1], null));
        withANull.add(null);
        assertThatThrownBy(() -> JoinAll.runAll(withANull),
                "a null element is a NullPointerException naming its index (1), before any child is started")
                .isInstanceOf(NullPointerException.class).hasMessageContaining("1");
        Children.assertNoneStarted(withANull.subList(0, 1), "the list holds a null");
    }
}
