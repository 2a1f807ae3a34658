package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: destroy() ends a process with exit code 1")
    void aChildEndedWithDestroyWasKilledBySigterm(@TempDir Path dir) throws Exception {
        Process child = Children.start(Children.java(Sleeper.class), dir);
        child.destroy();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the child ended within 10 s of destroy()").isTrue();
        ProcessEnding ending = ProcessEnding.fromExitValue(child.exitValue());

        assertThat(ending).isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, 143, 15));
        assertThat(ending.pythonExitCode()).as("Python's view of a death by SIGTERM").isEqualTo(-15);
    }
}
