package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("3.4")
@EnabledOnOs(value = OS.LINUX, disabledReason = "process states are read from /proc, which only Linux has")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessStateHiddenTest {

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotFoolTheParser(@TempDir Path dir) throws Exception {
        // The kernel keeps the first 15 bytes of the program's file name; this one looks like a state field.
        char fake = "ZRTD".charAt(ThreadLocalRandom.current().nextInt(4));
        String name = "p) " + fake + " (" + ThreadLocalRandom.current().nextInt(1000, 10000);
        Path program = dir.resolve(name);
        Files.copy(Path.of("/bin/sleep"), program);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        Process sleeper = new ProcessBuilder(program.toString(), "30").start();
        try {
            ProcessStateTest.awaitProgramInState(sleeper, name, 'S');
            assertThat(ProcessState.of(sleeper.pid()))
                    .as("state of the sleeping program named '%s' (/proc/%d/stat: %s)", name, sleeper.pid(),
                            Files.readString(Path.of("/proc", Long.toString(sleeper.pid()), "stat")).strip())
                    .contains(ProcessState.SLEEPING);
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStoppedProcessIsStopped() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(sleeper.pid())).start();
            assertThat(stop.waitFor(10, TimeUnit.SECONDS)).isTrue();
            ProcessStateTest.awaitRawState(sleeper.pid(), 'T');
            assertThat(ProcessState.of(sleeper.pid())).as("state of process %d after SIGSTOP", sleeper.pid())
                    .contains(ProcessState.STOPPED);
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPidNobodyHasGivesNoState() {
        // pid_max is at most 2^22 on Linux: no process can have a larger pid.
        long unused = (1L << 22) + 1 + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThat(ProcessState.of(unused)).as("state of pid %d, which no process can have", unused).isEmpty();
    }

    @Test
    void thisJvmIsAliveAndNotAZombie() {
        assertThat(ProcessState.of(ProcessHandle.current().pid()))
                .as("state of the test JVM itself")
                .hasValueSatisfying(state -> assertThat(state).isIn(ProcessState.RUNNING, ProcessState.SLEEPING));
    }

    @Test
    void pidsMustBePositive() {
        long negative = -ThreadLocalRandom.current().nextLong(1, 100_000);
        for (long bad : new long[] {0, negative}) {
            assertThatThrownBy(() -> ProcessState.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Long.toString(bad));
        }
    }
}
