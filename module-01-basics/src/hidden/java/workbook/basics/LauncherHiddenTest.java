package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.basics.children.Chatter;
import workbook.basics.children.Sleeper;
import workbook.testsupport.Exercise;

@Exercise("1.2")
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class LauncherHiddenTest {

    private Process child;

    @AfterEach
    void endChild() throws InterruptedException {
        Children.end(child);
    }

    @Test
    void aChildThatPrintsALotIsNotBlockedByAnUnreadPipe() throws Exception {
        int bytes = 512 * 1024 + new java.util.Random().nextInt(512 * 1024);
        child = Launcher.startInBackground(Children.java(Chatter.class, Integer.toString(bytes), Integer.toString(bytes), "0"));

        assertThat(child.waitFor(30, TimeUnit.SECONDS))
                .as("a child writing " + bytes + " bytes to each stream finished within 30 s (its output must be"
                        + " discarded, not left in a pipe nobody reads)")
                .isTrue();
        assertThat(child.exitValue()).isZero();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "looks at the child's open files in /proc")
    void theChildsOutputAndErrorGoToTheNullDevice() throws Exception {
        child = Launcher.startInBackground(Children.java(Sleeper.class));
        // Until the child runs Sleeper, it may still be jspawnhelper, whose descriptors are not yet the child's.
        Children.awaitMain(child, Sleeper.class);

        for (int fd = 1; fd <= 2; fd++) {
            Path target = Files.readSymbolicLink(Path.of("/proc", Long.toString(child.pid()), "fd", Integer.toString(fd)));
            assertThat(target)
                    .as("where the child's %s (descriptor %d) goes: discarded output goes to the null device"
                            + " (Redirect.DISCARD), not to this JVM's own stream (Redirect.INHERIT) nor to a pipe",
                            fd == 1 ? "standard output" : "standard error", fd)
                    .isEqualTo(Path.of("/dev/null"));
        }
        Children.release(child, Duration.ofSeconds(10));
    }

    @Test
    void badCommandsAreRejectedClearly() {
        assertThatThrownBy(() -> Launcher.startInBackground(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Launcher.startInBackground(null)).isInstanceOf(NullPointerException.class);
        String missing = "/no/such/program-" + System.nanoTime();
        assertThatThrownBy(() -> Launcher.startInBackground(List.of(missing)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(missing);
    }

    @Test
    void theChildsStandardInputIsAnOpenPipe() throws Exception {
        child = Launcher.startInBackground(Children.java(Sleeper.class));

        // A closed or redirected standard input makes this write fail with "Stream closed".
        assertThatCode(() -> {
            child.getOutputStream().write('\n');
            child.getOutputStream().flush();
        }).as("writing to the child's standard input: it must be an open pipe, as ProcessBuilder leaves it (do not"
                + " close it or redirect it)").doesNotThrowAnyException();
        Children.release(child, Duration.ofSeconds(10));
        assertThat(child.exitValue()).isZero();
    }
}
