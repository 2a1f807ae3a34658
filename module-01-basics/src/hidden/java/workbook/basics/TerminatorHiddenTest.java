package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.Exiter;
import workbook.basics.children.ShutdownHookChild;
import workbook.testsupport.Exercise;

@Exercise("1.6")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "on Windows destroy() is already forcible: there is no polite request")
class TerminatorHiddenTest {

    private Process child;

    @AfterEach
    void endChild() throws InterruptedException {
        Children.end(child);
    }

    @Test
    void theStubbornChildGetsTheWholeGracePeriodBeforeTheKill(@TempDir Path dir) throws Exception {
        child = Children.start(Children.java(ShutdownHookChild.class, "stubborn", dir.toString()), dir);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("ready")));
        Duration grace = Duration.ofMillis(300 + new Random().nextInt(600));

        long started = System.nanoTime();
        StopOutcome outcome = Terminator.stop(child, grace);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcome).isEqualTo(StopOutcome.KILLED);
        assertThat(took).as("time stop() took with a grace period of " + grace.toMillis() + " ms").isGreaterThanOrEqualTo(grace);
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void aZeroGraceIsAllowedAndEndsInTheKill(@TempDir Path dir) throws Exception {
        child = Children.start(Children.java(ShutdownHookChild.class, "stubborn", dir.toString()), dir);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("ready")));

        StopOutcome outcome = Terminator.stop(child, Duration.ZERO);

        assertThat(outcome).as("stop() with a zero grace: only a negative grace is refused; zero means the polite request"
                + " and, for a child that ignores it, the kill without waiting: KILLED").isEqualTo(StopOutcome.KILLED);
        assertThat(child.isAlive()).as("stop() returns only once the process has ended").isFalse();
    }

    @Test
    void thePoliteRequestComesFirstSoTheChildCanCleanUp(@TempDir Path dir) throws Exception {
        child = Children.start(Children.java(ShutdownHookChild.class, "polite", dir.toString()), dir);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("ready")));

        assertThat(Terminator.stop(child, Duration.ofSeconds(15))).isEqualTo(StopOutcome.ENDED_POLITELY);
        assertThat(child.exitValue()).as("exit value after SIGTERM").isEqualTo(143);
        assertThat(dir.resolve("cleaned-up")).as("the file the child's shutdown hook writes (a forcible kill skips it)").exists();
    }

    @Test
    void aChildThatAlreadyEndedIsLeftAlone(@TempDir Path dir) throws Exception {
        child = Children.start(Children.java(Exiter.class, "exit", "4"), dir);
        child.waitFor();

        assertThat(Terminator.stop(child, Duration.ofSeconds(1))).isEqualTo(StopOutcome.ALREADY_ENDED);
        assertThat(child.exitValue()).as("the exit value it chose itself").isEqualTo(4);
    }

    @Test
    void badArgumentsAreRejected(@TempDir Path dir) throws Exception {
        child = Children.start(Children.java(Exiter.class, "return"), dir);
        Process p = child;
        assertThatThrownBy(() -> Terminator.stop(p, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Terminator.stop(null, Duration.ofSeconds(1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Terminator.stop(p, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anInterruptWhileWaitingThrowsInterruptedException(@TempDir Path dir) throws Exception {
        child = Children.start(Children.java(ShutdownHookChild.class, "stubborn", dir.toString()), dir);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("ready")));

        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> Terminator.stop(child, Duration.ofSeconds(20)));
        } finally {
            Thread.interrupted();
        }

        assertThat(thrown).as("stop() called on an interrupted thread: the interrupt must come out as"
                + " InterruptedException, not be swallowed while the grace period runs").isInstanceOf(InterruptedException.class);
    }

    @Test
    void aProcessThatSurvivesEvenTheForcibleKillIsReported() {
        Unkillable unkillable = new Unkillable();

        Throwable thrown = catchThrowable(() -> Terminator.stop(unkillable, Duration.ofMillis(200)));

        assertThat(thrown).as("stop() of a process that is still alive after destroyForcibly() and the wait after it:"
                + " throw IllegalStateException rather than report it stopped").isInstanceOf(IllegalStateException.class);
        assertThat(unkillable.requests).as("what stop() asked of the process, in order: politely first, then forcibly")
                .startsWith("destroy").contains("destroyForcibly");
    }

    /**
     * A process that no request ends, on a fast clock: every bounded wait says the time is up at once. The
     * operating system gives no such process to a test; the clause it checks needs one.
     */
    static final class Unkillable extends Process {
        final List<String> requests = new ArrayList<>();

        @Override
        public long pid() {
            return 999_999_999L;
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) {
            return false;
        }

        @Override
        public int waitFor() throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
            return -1;
        }

        @Override
        public int exitValue() {
            throw new IllegalThreadStateException("process has not exited");
        }

        @Override
        public void destroy() {
            requests.add("destroy");
        }

        @Override
        public Process destroyForcibly() {
            requests.add("destroyForcibly");
            return this;
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }
    }
}
