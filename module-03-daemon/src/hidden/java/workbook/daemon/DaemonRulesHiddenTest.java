package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.daemon.children.Chores;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("3.2")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonRulesHiddenTest {

    @Test
    void theFlagCanChangeAnyNumberOfTimesBeforeStart() {
        DaemonProcess process = new DaemonProcess("undecided", () -> { });
        boolean last = false;
        for (int i = 0; i < 5; i++) {
            last = ThreadLocalRandom.current().nextBoolean();
            process.setDaemon(last);
        }
        assertThat(process.isDaemon()).as("isDaemon() after setDaemon(%s) as the last call", last).isEqualTo(last);
    }

    @Test
    void neitherValueCanBeSetAfterStartNorAfterTheEnd(@TempDir Path dir) throws Exception {
        String ready = dir.resolve("ready").toString();
        DaemonProcess daemon = new DaemonProcess("a daemon", () -> Chores.markReadyAndWait(ready));
        daemon.setDaemon(true);
        daemon.start();
        try {
            assertThatThrownBy(() -> daemon.setDaemon(false)).as("setDaemon(false) on a started daemon")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("start");
            assertThatThrownBy(() -> daemon.setDaemon(true)).as("setDaemon(true) on a started daemon, even unchanged")
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            daemon.kill();
            assertThat(daemon.join(Duration.ofSeconds(15))).as("the daemon ended after kill()").isTrue();
        }
        assertThatThrownBy(() -> daemon.setDaemon(false)).as("setDaemon(false) after the daemon ended")
                .isInstanceOf(IllegalStateException.class);
        assertThat(daemon.isDaemon()).isTrue();
    }

    @Test
    void aNonDaemonMayStartChildren(@TempDir Path dir) throws Exception {
        Path grandchildReady = dir.resolve("grandchild-" + ThreadLocalRandom.current().nextInt(1_000_000) + ".ready");
        String marker = grandchildReady.toString();
        DaemonProcess parent = new DaemonProcess("non-daemon", () -> Chores.tryToStartAChild(marker));
        parent.captureOutput();
        parent.start();
        assertThat(parent.join(Duration.ofSeconds(40))).as("the non-daemon child ended within 40 s").isTrue();

        assertThat(parent.output().strip())
                .as("a non-daemon may start a child (its errors: %s)", parent.errorOutput())
                .startsWith("started ");
        long grandchild = Long.parseLong(parent.output().strip().substring("started ".length()));
        assertThat(grandchildReady).exists();
        assertThat(Files.readString(grandchildReady)).as("the grandchild ran and wrote its pid").isEqualTo(Long.toString(grandchild));
    }

    @Test
    void aPlainJvmProcessIsNoDaemon() {
        JvmProcess plain = new JvmProcess("plain", () -> { });
        assertThatCode(() -> DaemonProcess.requireMayStartChildren(Optional.of(plain)))
                .as("requireMayStartChildren() in a JVM that runs a plain JvmProcess")
                .doesNotThrowAnyException();
    }

    @Test
    void theRuleFollowsTheFlag() {
        DaemonProcess process = new DaemonProcess("changing its mind", () -> { });
        process.setDaemon(true);
        process.setDaemon(false);
        assertThatCode(() -> DaemonProcess.requireMayStartChildren(Optional.of(process)))
                .as("a process whose flag was set back to false before start is no daemon")
                .doesNotThrowAnyException();
        process.setDaemon(true);
        assertThatThrownBy(() -> DaemonProcess.requireMayStartChildren(Optional.of(process)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTestJvmIsNoDaemon() {
        assertThatCode(() -> DaemonProcess.requireMayStartChildren(JvmProcess.current()))
                .as("requireMayStartChildren() in the test JVM, which no DaemonProcess started")
                .doesNotThrowAnyException();
    }
}
