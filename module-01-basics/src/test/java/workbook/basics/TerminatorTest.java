package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.ShutdownHookChild;
import workbook.testsupport.Exercise;

@Exercise("1.6")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "on Windows destroy() is already forcible: there is no polite request")
class TerminatorTest {

    private Process child;

    @AfterEach
    void endChild() throws InterruptedException {
        Children.end(child);
    }

    private Process startReady(String mode, Path dir) throws Exception {
        child = Children.start(Children.java(ShutdownHookChild.class, mode, dir.toString()), dir);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("ready")));
        return child;
    }

    @Test
    void aChildThatListensEndsPolitelyAndCleansUp(@TempDir Path dir) throws Exception {
        Process polite = startReady("polite", dir);

        StopOutcome outcome = Terminator.stop(polite, Duration.ofSeconds(10));

        assertThat(outcome)
                .as("a polite request comes first, so a child that listens ends politely: ENDED_POLITELY")
                .isEqualTo(StopOutcome.ENDED_POLITELY);
        assertThat(polite.isAlive())
                .as("stop() returns only once the process has ended, but child %d is alive after it returned", polite.pid())
                .isFalse();
        assertThat(dir.resolve("cleaned-up"))
                .as("a polite request lets the child clean up: its shutdown hook writes this file")
                .exists();
    }

    @Test
    void aChildThatIgnoresThePoliteRequestIsKilled(@TempDir Path dir) throws Exception {
        Process stubborn = startReady("stubborn", dir);

        StopOutcome outcome = Terminator.stop(stubborn, Duration.ofMillis(500));

        assertThat(outcome)
                .as("a child still there after the grace period is killed forcibly: KILLED")
                .isEqualTo(StopOutcome.KILLED);
        assertThat(stubborn.isAlive())
                .as("stop() returns only once the process has ended, but child %d is alive after it returned", stubborn.pid())
                .isFalse();
        assertThat(stubborn.exitValue())
                .as("a child still there after the grace period is killed forcibly, by SIGKILL: exit value 128 + 9")
                .isEqualTo(137);
    }
}
