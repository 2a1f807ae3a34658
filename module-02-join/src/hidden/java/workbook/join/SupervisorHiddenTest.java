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

/**
 * Exercise 2.4: any child's failure, how the others are stopped, interrupts and input. The deadline's tests are in
 * {@link SupervisorDeadlineHiddenTest}.
 */
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
