package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.daemon.children.Chores;
import workbook.testsupport.Exercise;

@Exercise("3.2")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonRulesTest {

    @Test
    void theFlagCanBeSetBeforeStart() {
        DaemonProcess process = new DaemonProcess("not started", () -> { });
        assertThat(process.isDaemon()).as("a process is not a daemon until setDaemon(true) is called").isFalse();
        process.setDaemon(true);
        assertThat(process.isDaemon())
                .as("setDaemon stores the flag before start(): isDaemon() is true after setDaemon(true)")
                .isTrue();
    }

    @Test
    void theFlagCannotBeSetAfterStart(@TempDir Path dir) throws Exception {
        String ready = dir.resolve("ready").toString();
        DaemonProcess process = new DaemonProcess("started", () -> Chores.markReady(ready));
        process.start();
        try {
            assertThatThrownBy(() -> process.setDaemon(true),
                    "after start(), setDaemon throws IllegalStateException that says the flag must be set before start()")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("start");
            assertThat(process.isDaemon()).as("a refused setDaemon(true) after start() leaves the flag as it was").isFalse();
        } finally {
            assertThat(process.join(Duration.ofSeconds(30))).as("the child ended").isTrue();
        }
    }

    @Test
    void aDaemonMayNotStartChildren() {
        DaemonProcess daemon = new DaemonProcess("watcher", () -> { });
        daemon.setDaemon(true);

        assertThatThrownBy(() -> DaemonProcess.requireMayStartChildren(Optional.of(daemon)),
                "requireMayStartChildren throws IllegalStateException saying \"daemonic processes are not allowed to have"
                        + " children\" and naming the daemon when running is a daemon DaemonProcess ('%s')", daemon.name())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("daemonic processes are not allowed to have children")
                .hasMessageContaining("watcher");
    }

    @Test
    void otherProcessesMayStartChildren() {
        DaemonProcess nonDaemon = new DaemonProcess("worker", () -> { });
        assertThatCode(() -> DaemonProcess.requireMayStartChildren(Optional.of(nonDaemon)))
                .as("requireMayStartChildren does nothing in a JVM that runs a non-daemon DaemonProcess ('worker')")
                .doesNotThrowAnyException();
        assertThatCode(() -> DaemonProcess.requireMayStartChildren(Optional.empty()))
                .as("requireMayStartChildren does nothing in a JVM that no JvmProcess started (empty)")
                .doesNotThrowAnyException();
    }
}
