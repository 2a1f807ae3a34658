package workbook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an exit value hides, measured: the kernel's own record of how a JVM ended after a signal.
 *
 * <p>{@link Process#exitValue()} reports both {@code exit(143)} and a death by SIGTERM as 143. The
 * kernel keeps them apart in the wait status that the parent collects: {@code code << 8} for
 * {@code exit(code)}, N for a death by signal N. Java does not expose that status, and the JDK collects
 * (reaps) its own children at once. So the JVM measured here is a grandchild whose parent is
 * {@code sleep}, which never waits: when the JVM ends it stays a zombie, and Linux shows its wait status
 * in field 52 of {@code /proc/PID/stat} ({@code exit_code}, since Linux 3.5).
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads the wait status of a zombie from /proc/PID/stat")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WaitStatusTest {

    private static final String READY = "ready";

    private Process parent;
    private long jvm;

    /** Runs in the grandchild JVM: a shutdown hook that leaves a mark, then a long sleep. */
    public static final class HookedSleeper {
        public static void main(String[] args) throws Exception {
            Path mark = Path.of(args[0]);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(mark, "hook ran");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(TimeUnit.SECONDS.toMillis(60));
        }
    }

    @AfterEach
    void endBoth() throws InterruptedException {
        if (jvm > 0) {
            ProcessHandle.of(jvm).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (parent != null) {
            parent.destroyForcibly();
            parent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aJvmSentSigtermAfterStartUpRunsItsHooksAndExitsNormallyWith143(@TempDir Path dir) throws Exception {
        Path mark = dir.resolve("hook.txt");
        startJvmUnderSleep(mark);

        ProcessHandle.of(jvm).orElseThrow().destroy();

        int status = waitStatusOfZombie();
        assertThat(status & 0x7f).as("wait status %s: no signal killed the JVM", status).isZero();
        assertThat(status >> 8).as("wait status %s: the JVM called exit(143)", status).isEqualTo(143);
        assertThat(mark).as("the shutdown hook ran before the exit").hasContent("hook ran");
    }

    @Test
    void aJvmSentSigkillIsKilledBySignal9(@TempDir Path dir) throws Exception {
        Path mark = dir.resolve("hook.txt");
        startJvmUnderSleep(mark);

        ProcessHandle.of(jvm).orElseThrow().destroyForcibly();

        int status = waitStatusOfZombie();
        assertThat(status & 0x7f).as("wait status %s: signal 9 killed the JVM", status).isEqualTo(9);
        assertThat(mark).as("no hook runs after SIGKILL").doesNotExist();
    }

    /**
     * Starts {@code sh -c '"$@" & echo $!; exec sleep 60'}: the shell starts the JVM in the background,
     * prints its pid and becomes {@code sleep}, which is then the JVM's parent. Returns once the JVM's
     * {@code main} runs (its signal handlers are installed by then).
     */
    private void startJvmUnderSleep(Path mark) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" & echo $!; exec sleep 60", "sh"));
        command.addAll(JavaCommand.forClass(HookedSleeper.class, mark.toString()));
        parent = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        boolean ready = false;
        while (jvm == 0 || !ready) {
            String line = lines.readLine();
            assertThat(line).as("the shell's pid line and the JVM's ready line").isNotNull();
            if (line.equals(READY)) {
                ready = true;
            } else {
                jvm = Long.parseLong(line.trim());
            }
        }
    }

    /** Waits until the JVM is a zombie and returns its wait status. */
    private int waitStatusOfZombie() {
        Path statusFile = Path.of("/proc", Long.toString(jvm), "status");
        await("JVM " + jvm + " to become a zombie").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.readAllLines(statusFile).stream().anyMatch(l -> l.matches("State:\\s+Z.*")));
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(jvm), "stat"));
            // Fields from the third on follow the command name, which is in parentheses and may hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(fields[52 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
