package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.Sleeper;
import workbook.testsupport.Exercise;

@Exercise("1.3")
class ProcessIdentityHiddenTest {

    @Test
    void describesAnotherProcessThroughItsHandle(@TempDir Path dir) throws Exception {
        Process child = Children.start(Children.java(Sleeper.class), dir);
        try {
            Children.awaitMain(child, Sleeper.class);
            ProcessIdentity identity = ProcessIdentity.of(child.toHandle());

            assertThat(identity.pid()).isEqualTo(child.pid());
            assertThat(identity.parentPid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(identity.command()).endsWith("java");
            assertThat(identity.startTime()).isEqualTo(child.toHandle().info().startInstant().orElseThrow());
        } finally {
            Children.release(child, java.time.Duration.ofSeconds(10));
        }
    }

    @Test
    void theCurrentProcessHasAStartTimeInThePast() {
        ProcessIdentity me = ProcessIdentity.current();
        assertThat(me.startTime()).isEqualTo(ProcessHandle.current().info().startInstant().orElseThrow());
        assertThat(me.startTime()).isBefore(java.time.Instant.now());
    }

    @Test
    void aNullHandleIsRejected() {
        assertThatThrownBy(() -> ProcessIdentity.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void whatTheOperatingSystemDoesNotTellIsMinusOneEmptyOrNull() {
        long pid = 4_000_000 + ThreadLocalRandom.current().nextInt(100_000);

        ProcessIdentity identity = ProcessIdentity.of(ScriptedHandle.silent(pid));

        assertThat(identity).as("the identity of a process whose parent, command and start time the operating system"
                        + " does not tell: parentPid -1, command \"\" and startTime null")
                .isEqualTo(new ProcessIdentity(pid, -1, "", null));
    }
}
