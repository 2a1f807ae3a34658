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
        assertThat(ending).as("0 is NORMAL with number 0").isEqualTo(new ProcessEnding(EndKind.NORMAL, 0, 0));
        assertThat(ending.pythonExitCode()).as("pythonExitCode() of a normal end is the exit code, 0").isZero();
    }

    @Test
    void aChildThatCallsExitEndsWithAnError(@TempDir Path dir) throws Exception {
        Process child = Children.start(Children.java(Exiter.class, "exit", "3"), dir);
        child.waitFor();
        ProcessEnding ending = ProcessEnding.fromExitValue(child.exitValue());

        assertThat(ending)
                .as("an exit value that is neither 0 nor 128 + a signal is ERROR with the value as its number")
                .isEqualTo(new ProcessEnding(EndKind.ERROR, 3, 3));
        assertThat(ending.pythonExitCode()).as("pythonExitCode() of an ERROR is the exit code").isEqualTo(3);
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

        assertThat(ending)
                .as("128 + N for a signal N from 1 to 64 is KILLED_BY_SIGNAL with number N: 143 is signal 15")
                .isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, 143, 15));
    }

    /** {@code sleep} leaves SIGTERM's default action in place, so SIGTERM kills it: Python shows -15. */
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals and no sleep program")
    void aProgramThatDoesNotHandleSigtermDiesOfIt(@TempDir Path dir) throws Exception {
        Process child = Children.start(List.of("sleep", "30"), dir);
        child.destroy();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("sleep ended within 10 s of destroy()").isTrue();
        ProcessEnding ending = ProcessEnding.fromExitValue(child.exitValue());

        assertThat(ending)
                .as("128 + N for a signal N from 1 to 64 is KILLED_BY_SIGNAL with number N: 143 is signal 15")
                .isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, 143, 15));
        assertThat(ending.pythonExitCode()).as("pythonExitCode() is -N for a death by signal N").isEqualTo(-15);
    }
}
