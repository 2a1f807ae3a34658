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

        assertThat(child.isAlive()).as("the child right after startInBackground() returned").isTrue();
        assertThat(child.pid()).as("the child's pid").isNotEqualTo(ProcessHandle.current().pid());
        assertThat(child.toHandle().parent()).as("the child's parent").contains(ProcessHandle.current());

        Children.release(child, Duration.ofSeconds(10));
        assertThat(child.exitValue()).isZero();
    }
}
