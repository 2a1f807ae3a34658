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

@Exercise("3.4")
@EnabledOnOs(value = OS.LINUX, disabledReason = "process states are read from /proc, which only Linux has")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessStateTest {

    @Test
    void aSleepingChildIsSleeping() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            awaitRawState(sleeper.pid(), 'S');
            assertThat(ProcessState.of(sleeper.pid()))
                    .as("state of `sleep 30` (pid %d), which /proc shows as S", sleeper.pid())
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
                    .as("state of the unreaped child %d of the non-reaping parent %d", zombie, made.parent().pid())
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
            Procs.sleepMillis(5);
            state = ProcessState.of(pid);
        }
        assertThat(state).as("state of the finished child %d, 10 s after it started, never waited for by the test", pid)
                .isEmpty();
    }

    static void awaitRawState(long pid, char state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Procs.rawState(pid) != state) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("process " + pid + " did not reach state " + state + " within 20 s (it is in "
                        + Procs.rawState(pid) + ")");
            }
            Procs.sleepMillis(5);
        }
    }
}
