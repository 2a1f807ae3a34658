package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
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

@Exercise("2.4")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class SupervisorHiddenTest {

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    @RepeatedTest(2)
    void reportsWhicheverChildFailsWhileTheFirstStillRuns() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int failingIndex = random.nextInt(1, 4);
        int exitValue = random.nextInt(1, 100);
        List<Napper> group = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            group.add(i == failingIndex ? new Napper("failing-" + i, random.nextLong(100, 600), exitValue, null)
                    : new Napper("slow-" + i, 30_000));
        }
        children.addAll(group);

        long start = System.nanoTime();
        ChildFailedException failure = catchThrowableOfType(ChildFailedException.class,
                () -> Supervisor.runAll(group, Duration.ofSeconds(40)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure).as("child %d exits with %d: runAll must throw ChildFailedException", failingIndex, exitValue).isNotNull();
        assertThat(failure.child()).isSameAs(group.get(failingIndex));
        assertThat(failure.status()).isEqualTo(new ExitStatus(exitValue));
        assertThat(failure.getMessage()).contains(group.get(failingIndex).name());
        assertThat(took).as("the failure was reported after %d ms while child 0 sleeps 30 s: watch every child at once,"
                + " do not join them one by one", took.toMillis()).isLessThan(Duration.ofSeconds(15));
        Children.assertAllEnded(group, "after runAll reported a failure");
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
    void aChildThatIgnoresTheRequestToStopIsKilled() {
        IgnoresTerminate stubborn = new IgnoresTerminate("stubborn");
        Napper failing = new Napper("failing", 2000, 4, null);
        List<JvmProcess> group = List.of(stubborn, failing);
        children.addAll(group);

        ChildFailedException failure = catchThrowableOfType(ChildFailedException.class,
                () -> Supervisor.runAll(group, Duration.ofSeconds(40)));

        assertThat(failure).as("child 'failing' exits with 4: runAll must throw ChildFailedException").isNotNull();
        assertThat(failure.child()).isSameAs(failing);
        assertThat(stubborn.isAlive())
                .as("child 'stubborn' ignores terminate() (its shutdown hook never finishes) and was still running after"
                        + " runAll threw: a child that has not ended a few seconds after terminate() must be killed")
                .isFalse();
    }

    /** A child that does not end when asked to: its shutdown hook, which terminate() runs, never finishes. */
    static final class IgnoresTerminate extends JvmProcess {
        private static final long serialVersionUID = 1L;

        IgnoresTerminate(String name) {
            super(name);
        }

        @Override
        public void run() {
            Runtime.getRuntime().addShutdownHook(new Thread(IgnoresTerminate::sleepForever));
            sleepForever();
        }

        private static void sleepForever() {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void isBuiltOnOnExit() {
        assertThat(Children.calls(Supervisor.class, "onExit", JvmProcess.class, Process.class, ProcessHandle.class))
                .as("Supervisor must wait with onExit() futures (JvmProcess, Process or ProcessHandle), as the exercise asks")
                .isTrue();
    }

    @Test
    void rejectsNullDeadlineAndNullChild() {
        List<Napper> group = new ArrayList<>(List.of(new Napper("a", 100)));
        children.addAll(group);
        assertThatThrownBy(() -> Supervisor.runAll(group, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("deadline");
        List<Napper> withANull = new ArrayList<>(group);
        withANull.add(null);
        assertThatThrownBy(() -> Supervisor.runAll(withANull, Duration.ofSeconds(5))).isInstanceOf(NullPointerException.class);
        Children.assertNoneStarted(group, "the input was rejected");
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
    void anInterruptWhileWaitingThrowsInterruptedExceptionAndStopsEveryChild() {
        List<Napper> group = List.of(new Napper("slow-1", 30_000), new Napper("slow-2", 30_000));
        children.addAll(group);

        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> Supervisor.runAll(group, Duration.ofSeconds(30)));
        } finally {
            Thread.interrupted();
        }

        assertThat(thrown).as("runAll() called on an interrupted thread: the interrupt must come out as"
                + " InterruptedException, not as a deadline or a failure").isInstanceOf(InterruptedException.class);
        Children.assertAllEnded(group, "after the wait was interrupted: nothing is left running when runAll throws");
    }

    @Test
    void theOthersAreAskedPolitelyBeforeTheyAreKilled(@TempDir Path dir) {
        Path ready = dir.resolve("listener.ready");
        Path hookRan = dir.resolve("listener.hook-ran");
        ListensForTerminate listener = new ListensForTerminate("listener", ready, hookRan);
        FailsWhenReady failing = new FailsWhenReady("failing", ready, 3);
        List<JvmProcess> group = List.of(listener, failing);
        children.addAll(group);

        ChildFailedException failure = catchThrowableOfType(ChildFailedException.class,
                () -> Supervisor.runAll(group, Duration.ofSeconds(40)));

        assertThat(failure).as("child 'failing' exits with 3: runAll must throw ChildFailedException").isNotNull();
        assertThat(hookRan).as("the file the shutdown hook of child 'listener' writes when it is asked to stop: stop the"
                + " others politely first (terminate()), and kill() only a child still running a few seconds later").exists();
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

    /** A child whose shutdown hook (run by terminate(), never by kill()) leaves a file behind; it says when it is ready. */
    static final class ListensForTerminate extends JvmProcess {
        private static final long serialVersionUID = 1L;
        private final String ready;
        private final String hookRan;

        ListensForTerminate(String name, Path ready, Path hookRan) {
            super(name);
            this.ready = ready.toString();
            this.hookRan = hookRan.toString();
        }

        @Override
        public void run() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> touch(hookRan)));
            touch(ready);
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void touch(String file) {
            try {
                Files.writeString(Path.of(file), "x");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A child that waits until a file exists (at most 30 s), then exits with a failure. */
    static final class FailsWhenReady extends JvmProcess {
        private static final long serialVersionUID = 1L;
        private final String ready;
        private final int exitValue;

        FailsWhenReady(String name, Path ready, int exitValue) {
            super(name);
            this.ready = ready.toString();
            this.exitValue = exitValue;
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.exists(Path.of(ready)) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            System.exit(exitValue);
        }
    }
}
