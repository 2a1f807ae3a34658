package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.Exiter;
import workbook.basics.children.Sleeper;
import workbook.testsupport.Exercise;

@Exercise("1.5")
class ProcessEndingHiddenTest {

    @Test
    void everyExitValueIsClassified() {
        Random random = new Random();
        for (int i = 0; i < 40; i++) {
            int value = 1 + random.nextInt(255);
            ProcessEnding ending = ProcessEnding.fromExitValue(value);
            if (value >= 129 && value <= 192) {
                assertThat(ending).as("exit value " + value).isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, value, value - 128));
                assertThat(ending.pythonExitCode()).as("Python's exit code for " + value).isEqualTo(128 - value);
            } else {
                assertThat(ending).as("exit value " + value).isEqualTo(new ProcessEnding(EndKind.ERROR, value, value));
                assertThat(ending.pythonExitCode()).as("Python's exit code for " + value).isEqualTo(value);
            }
        }
        assertThat(ProcessEnding.fromExitValue(129)).as("129, the lowest signal")
                .isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, 129, 1));
        assertThat(ProcessEnding.fromExitValue(192)).as("192, the highest signal")
                .isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, 192, 64));
        assertThat(ProcessEnding.fromExitValue(0).pythonExitCode()).as("Python's exit code for 0").isZero();
        assertThat(ProcessEnding.fromExitValue(128).kind()).as("128 (no signal 0)").isEqualTo(EndKind.ERROR);
        assertThat(ProcessEnding.fromExitValue(193).kind()).as("193 (beyond signal 64)").isEqualTo(EndKind.ERROR);
        assertThat(ProcessEnding.fromExitValue(255).kind()).as("255").isEqualTo(EndKind.ERROR);
    }

    @Test
    void valuesOutsideTheUnixRangeAreRejected() {
        assertThatThrownBy(() -> ProcessEnding.fromExitValue(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessEnding.fromExitValue(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUncaughtExceptionEndsTheJvmWithErrorOne(@TempDir Path dir) throws Exception {
        Process child = Children.start(Children.java(Exiter.class, "throw"), dir);
        child.waitFor();
        assertThat(ProcessEnding.fromExitValue(child.exitValue())).isEqualTo(new ProcessEnding(EndKind.ERROR, 1, 1));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals")
    void aChildKilledForciblyDiedOfSigkill(@TempDir Path dir) throws Exception {
        Process child = Children.start(Children.java(Sleeper.class), dir);
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        ProcessEnding ending = ProcessEnding.fromExitValue(child.exitValue());
        assertThat(ending).isEqualTo(new ProcessEnding(EndKind.KILLED_BY_SIGNAL, 137, 9));
        assertThat(ending.pythonExitCode()).isEqualTo(-9);
    }
}
