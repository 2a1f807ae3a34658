package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("3.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrphansHiddenTest {

    @Test
    void aChildWhoseParentWasKilledIsAdoptedByWhoeverTheSystemChose(@TempDir Path dir) throws Exception {
        try (ParentJvm parent = ParentJvm.start("plain", "wait", dir)) {
            parent.process().destroyForcibly();
            parent.awaitEnd(Duration.ofSeconds(10));
            long child = parent.childPid();
            assertThat(OsProcesses.isGone(child)).as("the plain child %d outlives its killed parent", child).isFalse();

            long actualParent = ProcessHandle.of(child).flatMap(ProcessHandle::parent).orElseThrow().pid();
            assertThat(Orphans.adoptiveParent(child, parent.pid()))
                    .as("child %d, whose parent %d was killed, now has parent %d", child, parent.pid(), actualParent)
                    .hasValue(actualParent);
        }
    }

    @Test
    void theAnswerIsTheRealParentNotAGuess() throws Exception {
        Process first = new ProcessBuilder("sleep", "30").start();
        Process second = new ProcessBuilder("sleep", "30").start();
        try {
            long self = ProcessHandle.current().pid();
            // Claim a wrong former parent: the process's real parent (this JVM) is then the answer.
            assertThat(Orphans.adoptiveParent(first.pid(), second.pid()))
                    .as("process %d has parent %d, not %d", first.pid(), self, second.pid())
                    .hasValue(self);
            assertThat(Orphans.adoptiveParent(second.pid(), self)).as("process %d still has its parent %d", second.pid(), self)
                    .isEmpty();
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatHasEndedIsReportedClearly() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        assertThat(quick.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long pid = quick.pid();
        assertThatThrownBy(() -> Orphans.adoptiveParent(pid, ProcessHandle.current().pid()))
                .as("adoptiveParent() of the process %d that has ended", pid)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(pid));
    }

    @Test
    void pidsMustBePositive() {
        long negative = -ThreadLocalRandom.current().nextLong(1, 100_000);
        long self = ProcessHandle.current().pid();
        assertThatThrownBy(() -> Orphans.adoptiveParent(negative, self)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(negative));
        assertThatThrownBy(() -> Orphans.adoptiveParent(0, self)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Orphans.adoptiveParent(self, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "pid 1 is the root of the process tree on Linux; other systems differ")
    void aProcessForWhichTheSystemReportsNoParentIsAnIllegalState() {
        // pid 1, the root of the tree, is alive and has no parent (its parent pid is 0).
        assertThat(ProcessHandle.of(1).flatMap(ProcessHandle::parent)).as("the parent the JDK reports for pid 1").isEmpty();
        assertThatThrownBy(() -> Orphans.adoptiveParent(1, ProcessHandle.current().pid()))
                .as("adoptiveParent() of pid 1, for which the operating system reports no parent: throw"
                        + " IllegalStateException, neither an answer nor \"not adopted\"")
                .isInstanceOf(IllegalStateException.class);
    }
}
