package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("3.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrphansTest {

    @Test
    void aChildThatOutlivesItsParentIsAdopted(@TempDir Path dir) throws Exception {
        try (ParentJvm parent = ParentJvm.start("plain", "return", dir)) {
            parent.awaitEnd(Duration.ofSeconds(30));
            long child = parent.childPid();

            assertThat(OsProcesses.isGone(child))
                    .as("the non-daemon child %d should still run after its parent %d ended", child, parent.pid())
                    .isFalse();
            assertThat(ProcessHandle.current().descendants().mapToLong(ProcessHandle::pid))
                    .as("an orphan is no longer among the descendants of the test JVM")
                    .doesNotContain(child);

            OptionalLong adopter = Orphans.adoptiveParent(child, parent.pid());

            long actualParent = ProcessHandle.of(child).flatMap(ProcessHandle::parent).orElseThrow().pid();
            assertThat(adopter)
                    .as("child %d lost its parent %d and is now a child of %d", child, parent.pid(), actualParent)
                    .hasValue(actualParent);
        }
    }

    @Test
    void aChildWhoseParentLivesIsNotAnOrphan() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(Orphans.adoptiveParent(sleeper.pid(), ProcessHandle.current().pid()))
                    .as("process %d is still the child of the test JVM that started it", sleeper.pid())
                    .isEmpty();
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
