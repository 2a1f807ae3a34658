package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("2.1")
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class HandoffHiddenTest {

    @TempDir
    Path dir;

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    @RepeatedTest(2)
    void waitsExactlyAsLongAsARandomChildAndReportsItsExitValue() throws Exception {
        // Longer than any "sleep a second and hope" and random, so only a real join fits every run.
        long sleep = ThreadLocalRandom.current().nextLong(1200, 2500);
        int exitValue = ThreadLocalRandom.current().nextInt(2, 100);
        Path log = dir.resolve("events-" + sleep + ".log");
        Napper child = new Napper("worker", sleep, exitValue, log);
        children.add(child);

        long start = System.nanoTime();
        ExitStatus status = Children.explainingMissingStatus(() -> Handoff.startAndJoin(child, log));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(status).as("the child slept %d ms and called System.exit(%d)", sleep, exitValue)
                .isEqualTo(new ExitStatus(exitValue));
        assertThat(took).as("startAndJoin returned after %d ms, before the child's %d ms of work were done", took.toMillis(), sleep)
                .isGreaterThanOrEqualTo(Duration.ofMillis(sleep));
        assertThat(took).as("startAndJoin returned %d ms after a child of %d ms: join returns as soon as the child ends",
                took.toMillis(), sleep).isLessThan(Duration.ofMillis(sleep + 8_000));
        List<String> events = EventLog.read(log).stream().map(HandoffTest::withoutTime).toList();
        assertThat(events).as("events of both processes").containsExactlyInAnyOrder(
                Handoff.CHILD_STARTED, "worker begin", "worker end", Handoff.CHILD_JOINED);
        assertThat(events.indexOf(Handoff.CHILD_STARTED)).as("'%s' must be recorded while the child works: %s",
                Handoff.CHILD_STARTED, events).isLessThan(events.indexOf("worker end"));
        assertThat(events.get(3)).as("the last event must be the parent's, after the join: %s", events)
                .isEqualTo(Handoff.CHILD_JOINED);
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void anInterruptWhileJoiningThrowsInterruptedExceptionAndRecordsNoJoin() throws Exception {
        Path log = dir.resolve("events.log");
        Napper child = new Napper("long", 30_000, 0, log);
        children.add(child);

        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> Handoff.startAndJoin(child, log));
        } finally {
            Thread.interrupted();
        }

        assertThat(thrown).as("startAndJoin() called on an interrupted thread, with a child that runs 30 s: the interrupted"
                + " join must come out as InterruptedException").isInstanceOf(InterruptedException.class);
        assertThat(EventLog.read(log).stream().map(HandoffTest::withoutTime).toList())
                .as("the parent's events: the child was started, but never joined")
                .contains(Handoff.CHILD_STARTED).doesNotContain(Handoff.CHILD_JOINED);
    }

    @Test
    void aChildWhoseStartFailsLeavesNoStartedEvent() {
        // Unstartable's start() throws before any process exists: "as soon as start() has returned" never comes.
        Path log = dir.resolve("events.log");

        Throwable thrown = catchThrowable(() -> Handoff.startAndJoin(new Unstartable(), log));

        assertThat(thrown).as("startAndJoin() with a child that start() rejects: start()'s IllegalArgumentException passes on"
                + " (there is no child to join and no exit status to return)").isInstanceOf(IllegalArgumentException.class);
        assertThat(EventLog.read(log))
                .as("'%s' is recorded once start() has returned; this child's start() threw, so the log must stay empty",
                        Handoff.CHILD_STARTED)
                .isEmpty();
    }

    @Test
    void aChildLongerThanAnyGuessedLimitIsJoinedToItsEnd() throws Exception {
        // A join with a limit "to be safe" (a few seconds) records the join while this child still runs.
        long sleep = ThreadLocalRandom.current().nextLong(6_500, 8_000);
        Path log = dir.resolve("events.log");
        Napper child = new Napper("long", sleep, 0, log);
        children.add(child);

        ExitStatus status = Children.explainingMissingStatus(() -> Handoff.startAndJoin(child, log));

        assertThat(status).as("how the child of %d ms ended", sleep).isEqualTo(new ExitStatus(0));
        assertThat(EventLog.read(log).stream().map(HandoffTest::withoutTime).toList())
                .as("the order of the events for a child of %d ms: join() waits without a limit, so the parent records"
                        + " '%s' only after the child's end", sleep, Handoff.CHILD_JOINED)
                .containsExactlyInAnyOrder(Handoff.CHILD_STARTED, "long begin", "long end", Handoff.CHILD_JOINED)
                .containsSubsequence("long end", Handoff.CHILD_JOINED);
    }
}
