package workbook.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The 128 + N convention, its edges, and what it cannot tell: the values a student's classification is compared with. */
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

    /**
     * The Python view assumes that the signal killed the process. For 137 (SIGKILL) that is always true;
     * for 143 it is false for a JVM ended by SIGTERM after start-up, which Python shows as 143
     * ({@link WaitStatusTest} measures that). The method cannot know, and its Javadoc says so.
     */
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: every exit value is an exit code")
    void thePythonViewAssumesTheSignalKilledTheProcess() {
        assertThat(new ExitStatus(137).pythonExitCode()).isEqualTo(-9);
        assertThat(new ExitStatus(143).pythonExitCode()).as("a guess: right for `sleep`, wrong for a JVM").isEqualTo(-15);
        assertThat(new ExitStatus(128).pythonExitCode()).isEqualTo(128);
        assertThat(new ExitStatus(7).pythonExitCode()).isEqualTo(7);
        assertThat(new ExitStatus(0).pythonExitCode()).isZero();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no signals: every exit value is an exit code")
    void theDescriptionSaysHowTheProcessEndedAndNoMoreThanTheValueTells() {
        assertThat(new ExitStatus(0)).hasToString("exited normally (exit value 0)");
        assertThat(new ExitStatus(3)).hasToString("exited with error code 3");
        assertThat(new ExitStatus(143))
                .hasToString("exit value 143: killed by signal 15 or exited with 143 (the exit value cannot tell which)");
        assertThat(new ExitStatus(137))
                .hasToString("exit value 137: killed by signal 9 or exited with 137 (the exit value cannot tell which)");
    }
}
