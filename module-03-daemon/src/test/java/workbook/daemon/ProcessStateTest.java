package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("3.4")
@EnabledOnOs(value = OS.LINUX, disabledReason = "process states are read from /proc, which only Linux has")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessStateTest {

    @Test
    void aSleepingChildIsSleeping() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            awaitProgramInState(sleeper, "sleep", 'S');
            assertThat(ProcessState.of(sleeper.pid()))
                    .as("of(pid) returns the state that the third field of /proc/PID/stat names: SLEEPING (S) for"
                            + " `sleep 30` (pid %d)", sleeper.pid())
                    .contains(ProcessState.SLEEPING);
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aZombieIsAZombieThoughTheJdkCallsItAlive() throws Exception {
        try (ZombieMaker made = ZombieMaker.make()) {
            long zombie = made.zombiePid();
            assertThat(ProcessState.of(zombie))
                    .as("of(pid) returns the state /proc names: Z, ZOMBIE, for the unreaped child %d of the non-reaping parent %d",
                            zombie, made.parent().pid())
                    .contains(ProcessState.ZOMBIE);
            assertThat(ProcessHandle.of(zombie).map(ProcessHandle::isAlive))
                    .as("the JDK's view of zombie %d (a fact, not your code)", zombie)
                    .contains(true);
        }
    }

    @Test
    void theJdkReapsTheChildrenItStarts() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        long pid = quick.pid();
        // No waitFor(): the JDK's own reaper thread collects the exit status.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Optional<ProcessState> state = ProcessState.of(pid);
        while (state.isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            state = ProcessState.of(pid);
        }
        assertThat(state).as("of(pid) is empty when there is no such process: the finished child %d has been reaped", pid)
                .isEmpty();
    }

    /**
     * Waits until {@code process} runs {@code program} (whose file name ends the command) and
     * {@code /proc} shows it in state {@code state}. The state alone is not enough: a child the JDK has
     * just started is {@code jspawnhelper} for a while, which sleeps too, and passes through state R when
     * it turns into the program.
     */
    static void awaitProgramInState(Process process, String program, char state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!process.info().command().orElse("").endsWith("/" + program)) {
            if (!process.isAlive() || System.nanoTime() >= deadline) {
                throw new AssertionError("process " + process.pid() + " did not come to run " + program
                        + " within 20 s (its command: " + process.info().command().orElse("?") + ")");
            }
            Thread.sleep(5);
        }
        awaitRawState(process.pid(), state);
    }

    static void awaitRawState(long pid, char state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (OsProcesses.state(pid) != state) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("process " + pid + " did not reach state " + state + " within 20 s (it is in "
                        + OsProcesses.state(pid) + ")");
            }
            Thread.sleep(5);
        }
    }
}
