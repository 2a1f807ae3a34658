package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import workbook.process.JavaCommand;

/** Runs small test classes through the JUnit engine and checks what the guard makes of them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LeakedProcessGuardTest {

    /** A child that stays alive until its stdin closes, that is, until it is killed or we let it go. */
    public static final class Lingerer {
        public static void main(String[] args) throws IOException {
            while (System.in.read() != -1) {
                // wait for end-of-file
            }
        }
    }

    static volatile Process leaked;
    static volatile Process grandparent;

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (Process p : new Process[] {leaked, grandparent}) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @ExtendWith(LeakedProcessGuard.class)
    static class LeakingTest {
        @Test
        void startsAChildAndForgetsIt() throws IOException {
            leaked = new ProcessBuilder(JavaCommand.forClass(Lingerer.class)).start();
        }
    }

    @ExtendWith(LeakedProcessGuard.class)
    static class TidyTest {
        @Test
        void startsAChildAndEndsIt() throws Exception {
            Process child = new ProcessBuilder(JavaCommand.forClass(Lingerer.class)).start();
            child.destroy();
        }
    }

    @ExtendWith(LeakedProcessGuard.class)
    static class LeakingATreeTest {
        @Test
        void startsAShellWithAGrandchildAndForgetsBoth() throws IOException {
            grandparent = new ProcessBuilder("sh", "-c", "sleep 300 & wait").start();
        }
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    @Test
    void aTestThatLeavesAChildRunningFailsAndTheChildIsKilled() throws Exception {
        Events events = run(LeakingTest.class);

        assertThat(events.failed().count()).as("failed tests").isEqualTo(1);
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("left 1 process(es) running")
                .hasMessageContaining("pid " + leaked.pid())
                .hasMessageContaining(Lingerer.class.getName());
        assertThat(leaked.waitFor(10, TimeUnit.SECONDS)).as("the leaked child was killed").isTrue();
    }

    @Test
    void aProcessThatIsAlreadyExitingGetsAMoment() {
        Events events = run(TidyTest.class);
        assertThat(events.succeeded().count()).as("the tidy test passed").isEqualTo(1);
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "needs sh and sleep")
    void aLeakedTreeIsKilledDeepestFirst() throws Exception {
        Events events = run(LeakingATreeTest.class);

        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure.getMessage()).contains("left 2 process(es) running").contains("sleep").contains("sh");
        assertThat(failure.getMessage().indexOf("sleep")).as("the grandchild is named (and killed) first")
                .isLessThan(failure.getMessage().indexOf("pid " + grandparent.pid()));
        assertThat(grandparent.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> !OsProcesses.isZombie(p.pid())).toList()).as("live descendants afterwards").isEmpty();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "zombie state is read from /proc")
    void zombiesAreNotCountedAsLeaks() throws Exception {
        // sh starts a short sleep in the background, then becomes a long sleep that never reaps it:
        // the short sleep ends and stays a zombie, which isAlive() still reports as alive.
        grandparent = new ProcessBuilder("sh", "-c", "sleep 0.1 & exec sleep 30").start();
        Set<ProcessHandle> before = Set.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<ProcessHandle> zombies = List.of();
        while (zombies.isEmpty() && System.nanoTime() < deadline) {
            zombies = grandparent.descendants().filter(p -> OsProcesses.isZombie(p.pid())).toList();
            Thread.sleep(20);
        }
        assertThat(zombies).as("a zombie below the long sleep").hasSize(1);
        assertThat(zombies.get(0).isAlive()).as("the JDK calls a zombie alive").isTrue();

        assertThat(LeakedProcessGuard.newLiveDescendants(before, Duration.ZERO))
                .as("what the guard counts").containsExactly(grandparent.toHandle());
    }
}
