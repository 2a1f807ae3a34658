package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.basics.children.Sleeper;
import workbook.testsupport.Exercise;

@Exercise("1.2")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LauncherTest {

    private Process child;

    @AfterEach
    void endChild() throws InterruptedException {
        Children.end(child);
    }

    @Test
    void returnsWhileTheChildIsStillRunning() throws Exception {
        // The Sleeper runs until we close its standard input: a launcher that waits for it never returns.
        child = Launcher.startInBackground(Children.java(Sleeper.class));

        assertThat(child.isAlive())
                .as("startInBackground() returns at once, without waiting for the child: the child is still running")
                .isTrue();
        assertThat(child.pid())
                .as("startInBackground() starts a new process, whose pid is not the test JVM's")
                .isNotEqualTo(ProcessHandle.current().pid());
        assertThat(child.toHandle().parent())
                .as("the started process is a child of the calling JVM")
                .contains(ProcessHandle.current());

        Children.release(child, Duration.ofSeconds(10));
        assertThat(child.exitValue())
                .as("the child's standard input is an open pipe: the child reads it to its end and exits with 0")
                .isZero();
    }
}
