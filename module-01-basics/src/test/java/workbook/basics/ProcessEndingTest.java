package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.Exiter;
import workbook.basics.children.Sleeper;
import workbook.testsupport.Exercise;

@Exercise("1.5")
class ProcessEndingTest {

    @Test
    void zeroIsANormalEnd() {
        ProcessEnding ending = ProcessEnding.fromExitValue(0);
        assertThat(ending).isEqualTo(new ProcessEnding(EndKind.NORMAL, 0, 0));
        assertThat(ending.pythonExitCode()).isZero();
    }

    @Test
    void aChildThatCallsExitEndsWithAnError(@TempDir Path dir) throws Exception {
        Process child = Children.start(Children.java(Exiter.class, "exit", "3"), dir);
        child.waitFor();
        ProcessEnding ending = ProcessEnding.fromExitValue(child.exitValue());

        assertThat(ending).isEqualTo(new ProcessEnding(EndKind.ERROR, 3, 3));
        assertThat(ending.pythonExitCode()).isEqualTo(3);
    }

    /**
     * A JVM handles SIGTERM: it runs its shutdown hooks and calls {@code exit(143)}. Its exit value is the
     * one a death by SIGTERM would give, so the convention classifies it by signal 15, although no signal
     * killed it (Python shows this child's exit code as 143).
     */
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: destroy() ends a process with exit code 1")
    void aJvmEndedWithDestroyShowsTheValueOfSigterm(@TempDir Path dir) throws Exception {
        Process child = Children.start(Children.java(Sleeper.class), dir);
        child.destroy();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child ended within 10 s of destroy()").isTrue();
        ProcessEnding ending = ProcessEnding.fromExitValue(child.exitValue());

        assertThat(ending).isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, 143, 15));
    }

    /** {@code sleep} leaves SIGTERM's default action in place, so SIGTERM kills it: Python shows -15. */
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals and no sleep program")
    void aProgramThatDoesNotHandleSigtermDiesOfIt(@TempDir Path dir) throws Exception {
        Process child = Children.start(List.of("sleep", "30"), dir);
        child.destroy();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("sleep ended within 10 s of destroy()").isTrue();
        ProcessEnding ending = ProcessEnding.fromExitValue(child.exitValue());

        assertThat(ending).isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, 143, 15));
        assertThat(ending.pythonExitCode()).as("Python's view of a death by SIGTERM").isEqualTo(-15);
    }
}
