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
import workbook.testsupport.Exercise;

@Exercise("3.2")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonRulesTest {

    @Test
    void theFlagCanBeSetBeforeStart() {
        DaemonProcess process = new DaemonProcess("not started", () -> { });
        assertThat(process.isDaemon()).as("a process is not a daemon unless asked").isFalse();
        process.setDaemon(true);
        assertThat(process.isDaemon()).as("isDaemon() after setDaemon(true)").isTrue();
    }

    @Test
    void theFlagCannotBeSetAfterStart(@TempDir Path dir) throws Exception {
        String ready = dir.resolve("ready").toString();
        DaemonProcess process = new DaemonProcess("started", () -> Chores.markReady(ready));
        process.start();
        try {
            assertThatThrownBy(() -> process.setDaemon(true))
                    .as("setDaemon(true) after start()")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("start");
            assertThat(process.isDaemon()).as("the refused setDaemon(true) must not change the flag").isFalse();
        } finally {
            assertThat(process.join(Duration.ofSeconds(30))).as("the child ended").isTrue();
        }
    }

    @Test
    void aDaemonMayNotStartChildren() {
        DaemonProcess daemon = new DaemonProcess("watcher", () -> { });
        daemon.setDaemon(true);

        assertThatThrownBy(() -> DaemonProcess.requireMayStartChildren(Optional.of(daemon)))
                .as("requireMayStartChildren() in a JVM that runs the daemon '%s'", daemon.name())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("daemonic processes are not allowed to have children")
                .hasMessageContaining("watcher");
    }

    @Test
    void otherProcessesMayStartChildren() {
        DaemonProcess nonDaemon = new DaemonProcess("worker", () -> { });
        assertThatCode(() -> DaemonProcess.requireMayStartChildren(Optional.of(nonDaemon)))
                .as("requireMayStartChildren() in a JVM that runs the non-daemon 'worker'")
                .doesNotThrowAnyException();
        assertThatCode(() -> DaemonProcess.requireMayStartChildren(Optional.empty()))
                .as("requireMayStartChildren() in a JVM that no JvmProcess started")
                .doesNotThrowAnyException();
    }
}
