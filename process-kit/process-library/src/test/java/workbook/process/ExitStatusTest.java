package workbook.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The 128 + N convention and its edges: the values a student's classification is compared with. */
class ExitStatusTest {

    @Test
    void onlyZeroIsSuccess() {
        assertThat(new ExitStatus(0).isSuccess()).isTrue();
        assertThat(new ExitStatus(1).isSuccess()).isFalse();
        assertThat(new ExitStatus(143).isSuccess()).isFalse();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: every exit value is an exit code")
    void signalsAreTheValuesAbove128UpToTheHighestSignal() {
        assertThat(new ExitStatus(128).signal()).as("128 is exit(128), not a signal").isEmpty();
        assertThat(new ExitStatus(129).signal()).isEqualTo(OptionalInt.of(1));
        assertThat(new ExitStatus(143).signal()).isEqualTo(OptionalInt.of(15));
        assertThat(new ExitStatus(192).signal()).as("signal 64 is the highest").isEqualTo(OptionalInt.of(64));
        assertThat(new ExitStatus(193).signal()).isEmpty();
        assertThat(new ExitStatus(1).signal()).isEmpty();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: every exit value is an exit code")
    void pythonShowsASignalAsItsNegativeNumber() {
        assertThat(new ExitStatus(137).pythonExitCode()).isEqualTo(-9);
        assertThat(new ExitStatus(143).pythonExitCode()).isEqualTo(-15);
        assertThat(new ExitStatus(7).pythonExitCode()).isEqualTo(7);
        assertThat(new ExitStatus(0).pythonExitCode()).isZero();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: every exit value is an exit code")
    void theDescriptionSaysHowTheProcessEnded() {
        assertThat(new ExitStatus(0)).hasToString("exited normally (exit value 0)");
        assertThat(new ExitStatus(3)).hasToString("exited with error code 3");
        assertThat(new ExitStatus(137)).hasToString("killed by signal 9 (exit value 137, Python exitcode -9)");
    }
}
