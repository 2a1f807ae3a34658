package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A grading's Maven builds end with everything they started, whoever stops the grading. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@EnabledOnOs(value = OS.LINUX, disabledReason = "marked processes are found in /proc")
class MavenRunTest {

    @Test
    void anInterruptedWaitKillsTheBuildAndWhatItStartedThenThrows(@TempDir Path edition) throws Exception {
        MarkedProcesses mark = MarkedProcesses.fresh();
        Grading grading = new Grading(() -> build(edition, mark));
        try {
            grading.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> mark.find().size() == 2);

            grading.interruptAndJoin();

            assertThat(grading.thrown.get()).as("what MavenRun.run threw").isInstanceOf(InterruptedException.class);
            assertThat(mark.find()).as("processes of the build still running").isEmpty();
        } finally {
            grading.interrupt();
            mark.killAll(5);
        }
    }

    @Test
    void anInterruptedGradingEndsBothOfItsBuildsAtOnce(@TempDir Path dir) throws Exception {
        MarkedProcesses visible = MarkedProcesses.fresh();
        MarkedProcesses hidden = MarkedProcesses.fresh();
        Path one = Files.createDirectories(dir.resolve("visible"));
        Path two = Files.createDirectories(dir.resolve("hidden"));
        Grading grading = new Grading(() -> Grader.both(() -> build(one, visible), () -> build(two, hidden)));
        try {
            grading.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> visible.find().size() == 2 && hidden.find().size() == 2);

            grading.interruptAndJoin();

            assertThat(grading.thrown.get()).as("what Grader.both threw").isInstanceOf(InterruptedException.class);
            assertThat(visible.find()).as("processes of the first build still running").isEmpty();
            assertThat(hidden.find()).as("processes of the second build, run by the other thread, still running").isEmpty();
        } finally {
            grading.interrupt();
            visible.killAll(5);
            hidden.killAll(5);
        }
    }

    /** Runs a "Maven" that starts a child of its own and waits for it: both carry the run's mark. */
    private static MavenRun build(Path edition, MarkedProcesses mark) throws IOException, InterruptedException {
        Path mvnw = edition.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\nsleep 300 &\nwait\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwx------"));
        return MavenRun.run(edition, mark, Duration.ofMinutes(5), edition.resolve("build.log"), List.of());
    }

    /** A grading thread, and what it threw. */
    private static final class Grading extends Thread {
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        private final Grader.Step<?> step;

        Grading(Grader.Step<?> step) {
            super("grading");
            this.step = step;
        }

        @Override
        public void run() {
            try {
                step.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }

        void interruptAndJoin() throws InterruptedException {
            interrupt();
            join(TimeUnit.SECONDS.toMillis(40));
            assertThat(isAlive()).as("the interrupted grading thread has returned").isFalse();
        }
    }
}
