package workbook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JvmProcessTest {

    private JvmProcess started;

    @AfterEach
    void endWhatWasStarted() throws InterruptedException {
        if (started != null && started.isAlive()) {
            started.kill();
            started.join(Duration.ofSeconds(10));
        }
    }

    /** A subclass whose state travels through the constructor, as in the lessons. */
    static final class Greeter extends JvmProcess {
        private static final long serialVersionUID = 1L;
        private final String greeting;
        private final int times;

        Greeter(String name, String greeting, int times) {
            super(name);
            this.greeting = greeting;
            this.times = times;
        }

        @Override
        public void run() {
            for (int i = 0; i < times; i++) {
                System.out.println(greeting + " from " + current().orElseThrow().name() + " pid " + pid());
            }
        }
    }

    @Test
    void subclassRunsInAChildWithItsConstructorState() throws Exception {
        Greeter greeter = new Greeter("greeter-1", "héllo wörld", 3);
        started = greeter.captureOutput();
        greeter.start();
        greeter.join();

        assertThat(greeter.exitStatus()).contains(new ExitStatus(0));
        assertThat(greeter.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(greeter.output().lines())
                .containsExactly("héllo wörld from greeter-1 pid " + greeter.pid(),
                        "héllo wörld from greeter-1 pid " + greeter.pid(),
                        "héllo wörld from greeter-1 pid " + greeter.pid());
    }

    @Test
    void targetLambdaRunsInAChild(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("child pid.txt");
        String where = out.toString();
        started = new JvmProcess("writer", () -> writeOwnPid(where));
        started.start();
        started.join();
        assertThat(Files.readString(out)).isEqualTo(Long.toString(started.pid()));
    }

    private static void writeOwnPid(String file) {
        try {
            Files.writeString(Path.of(file), Long.toString(ProcessHandle.current().pid()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void namesDefaultToANumberedName() {
        assertThat(new JvmProcess(() -> { }).name()).matches("JvmProcess-\\d+");
    }

    @Test
    void exitCodesFollowPython() throws Exception {
        JvmProcess fails = new JvmProcess(() -> {
            throw new IllegalStateException("deliberate failure");
        }).captureOutput();
        fails.start();
        fails.join();
        assertThat(fails.exitStatus()).contains(new ExitStatus(1));
        assertThat(fails.errorOutput()).contains("deliberate failure");

        JvmProcess exits = new JvmProcess(() -> System.exit(7));
        exits.start();
        exits.join();
        assertThat(exits.exitStatus()).contains(new ExitStatus(7));
    }

    @Test
    void outputLargerThanAPipeDoesNotBlock() throws Exception {
        started = new JvmProcess(() -> {
            String line = "x".repeat(1023);
            for (int i = 0; i < 1024; i++) {
                System.out.println(line);
                System.err.println(line);
            }
        }).captureOutput();
        started.start();
        assertThat(started.join(Duration.ofSeconds(30))).as("a child writing 1 MiB to each stream ended").isTrue();
        assertThat(started.output()).hasSize(1024 * 1024);
        assertThat(started.errorOutput()).hasSize(1024 * 1024);
    }

    @Test
    void capturedOutputIsBoundedAndSaysWhatWasDropped() throws Exception {
        int limit = OutputPump.CAPTURE_LIMIT;
        started = new JvmProcess(() -> {
            byte[] chunk = "y".repeat(1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < limit / 1024 + 3; i++) {
                System.out.write(chunk, 0, chunk.length);
            }
            System.out.flush();
        }).captureOutput();
        started.start();
        assertThat(started.join(Duration.ofSeconds(30))).as("a child writing 3 KiB over the limit ended").isTrue();
        String note = "\n[3072 more bytes dropped: output is kept up to " + limit + " bytes]";
        assertThat(started.output()).startsWith("yyy").endsWith("y" + note).hasSize(limit + note.length());
    }

    @Test
    void joinWithTimeoutLeavesTheChildRunning() throws Exception {
        started = new JvmProcess(JvmProcessTest::sleepLong);
        started.start();
        assertThat(started.join(Duration.ofMillis(200))).isFalse();
        assertThat(started.isAlive()).isTrue();
        assertThat(started.exitStatus()).isEmpty();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals")
    void terminateAndKillGiveTheValuesOfSigtermAndSigkill() throws Exception {
        JvmProcess polite = new JvmProcess(JvmProcessTest::sleepLong);
        polite.start();
        polite.terminate();
        assertThat(polite.join(Duration.ofSeconds(10))).isTrue();
        assertThat(polite.exitStatus().orElseThrow().exitValue())
                .as("a JVM handles SIGTERM and exits with 128 + 15 (WaitStatusTest shows it is an exit)").isEqualTo(143);

        JvmProcess forced = new JvmProcess(JvmProcessTest::sleepLong);
        forced.start();
        forced.kill();
        assertThat(forced.join(Duration.ofSeconds(10))).isTrue();
        assertThat(forced.exitStatus().orElseThrow().exitValue()).isEqualTo(137);
    }

    private static void sleepLong() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void startingTwiceIsAnError() throws Exception {
        started = new JvmProcess(() -> { });
        started.start();
        assertThatThrownBy(started::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started").hasMessageContaining("only once");
        started.join();
    }

    @Test
    void usingAProcessBeforeStartIsAnError() {
        JvmProcess notStarted = new JvmProcess(() -> { });
        assertThatThrownBy(notStarted::join).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("join()").hasMessageContaining("call start() first");
        assertThatThrownBy(notStarted::pid).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(notStarted::terminate).isInstanceOf(IllegalStateException.class);
        assertThat(notStarted.isAlive()).isFalse();
        assertThat(notStarted.exitStatus()).isEmpty();
    }

    @Test
    void badArgumentsAreRejectedClearly() {
        assertThatThrownBy(() -> new JvmProcess((Task) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("target");
        JvmProcess p = new JvmProcess(() -> { });
        assertThatThrownBy(() -> p.join(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> p.join(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new JvmProcess("nothing", null).start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing to run");
    }

    @Test
    void stateThatCannotTravelIsNamed() {
        Thread notSerializable = new Thread(() -> { });
        JvmProcess p = new JvmProcess(() -> System.out.println(notSerializable.getName()));
        assertThatThrownBy(p::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Thread").hasMessageContaining("not Serializable");
        assertThat(p.isAlive()).isFalse();
    }

    /** A subclass whose class cannot be loaded in the child: the child never reaches run(). */
    static final class Unloadable extends JvmProcess {
        @Override
        protected java.util.List<String> jvmOptions() {
            return java.util.List.of("-Djava.system.class.loader=no.such.Loader");
        }

        @Override
        public void run() {
        }
    }

    @Test
    void aChildThatCannotStartIsReportedWithWhatItSaid() throws Exception {
        started = new Unloadable().captureOutput();
        started.start();
        assertThatThrownBy(started::join).isInstanceOf(ChildStartException.class)
                .hasMessageContaining("Unloadable")
                .hasMessageContaining("before it reached run()")
                .hasMessageContaining("no.such.Loader");

        JvmProcess again = new Unloadable().captureOutput();
        again.start();
        assertThatThrownBy(() -> again.join(Duration.ofSeconds(30))).as("join with a timeout reports it too")
                .isInstanceOf(ChildStartException.class).hasMessageContaining("no.such.Loader");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals")
    void aChildEndedBeforeItsRunIsNoStartFailure() throws Exception {
        started = new JvmProcess("stopped early", JvmProcessTest::sleepLong);
        started.start();
        started.terminate();
        assertThat(started.join(Duration.ofSeconds(30)))
                .as("join() after terminate() returns, even if the child never reached run()").isTrue();
        assertThat(started.exitStatus().orElseThrow().exitValue())
                .as("143 either way: an exit after the hooks, or a death by SIGTERM before the handlers were installed")
                .isEqualTo(143);
    }

    @Test
    void outputIsConfiguredBeforeStartOnly(@TempDir Path dir) throws Exception {
        started = new JvmProcess(() -> { });
        started.start();
        assertThatThrownBy(started::captureOutput).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("captureOutput() must be called before start()");
        assertThatThrownBy(() -> started.redirectOutput(dir.resolve("late.txt"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redirectOutput() must be called before start()");
        started.join();
    }

    @Test
    void redirectedOutputGoesToTheFileAndTheHandleIsTheChilds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("child output.txt");
        started = new JvmProcess("printer", () -> System.out.println("pid " + ProcessHandle.current().pid()))
                .redirectOutput(file);
        started.start();
        assertThat(started.toHandle().pid()).isEqualTo(started.pid());

        assertThat(started.onExit().get(30, TimeUnit.SECONDS)).as("onExit() completes with the process itself").isSameAs(started);
        assertThat(started.isAlive()).isFalse();
        assertThat(started.toHandle().isAlive()).isFalse();
        assertThat(Files.readString(file)).isEqualTo("pid " + started.pid() + System.lineSeparator());
        started.join();
    }

    @Test
    void theChildRunsWithTheLeanOptions() throws Exception {
        started = new JvmProcess(() -> System.out.println(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())).captureOutput();
        started.start();
        started.join();
        assertThat(started.output()).contains("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");
        if (Runtime.version().feature() >= 25) {
            assertThat(started.output()).contains("-XX:+UseSerialGC");
        } else {
            assertThat(started.output()).doesNotContain("UseSerialGC"); // it would cost JDK 17 its archived heap
        }
    }
}
