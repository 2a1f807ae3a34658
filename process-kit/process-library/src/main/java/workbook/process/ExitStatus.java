package workbook.process;

import java.util.OptionalInt;

/**
 * How a finished process ended, read from the exit value the operating system reported.
 *
 * <p>On Unix a process either calls {@code exit(n)} or is killed by a signal. Java folds both into one
 * number: death by signal N is reported as {@code 128 + N} (so {@code destroy()}, SIGTERM = 15, gives
 * 143, and {@code destroyForcibly()}, SIGKILL = 9, gives 137). That is a convention, not a guarantee:
 * a program that calls {@code System.exit(143)} looks exactly like one killed by SIGTERM. Python reports
 * a death by signal N as the negative exit code {@code -N}; {@link #pythonExitCode()} gives that view.
 * Windows has no signals, so there every exit value is an exit code.
 *
 * @param exitValue the raw value of {@link Process#exitValue()}
 */
public record ExitStatus(int exitValue) {

    private static final int SIGNAL_BASE = 128;
    private static final int HIGHEST_SIGNAL = 64;
    private static final boolean HAS_SIGNALS = !System.getProperty("os.name", "").startsWith("Windows");

    /** @return true for exit value 0, the only value that means success */
    public boolean isSuccess() {
        return exitValue == 0;
    }

    /** @return the signal that killed the process, by the 128 + N convention; empty on Windows */
    public OptionalInt signal() {
        if (HAS_SIGNALS && exitValue > SIGNAL_BASE && exitValue <= SIGNAL_BASE + HIGHEST_SIGNAL) {
            return OptionalInt.of(exitValue - SIGNAL_BASE);
        }
        return OptionalInt.empty();
    }

    /** @return the value Python's {@code Process.exitcode} would show: {@code -N} for signal N */
    public int pythonExitCode() {
        return signal().isPresent() ? -signal().getAsInt() : exitValue;
    }

    @Override
    public String toString() {
        if (isSuccess()) {
            return "exited normally (exit value 0)";
        }
        if (signal().isPresent()) {
            return "killed by signal " + signal().getAsInt() + " (exit value " + exitValue
                    + ", Python exitcode " + pythonExitCode() + ")";
        }
        return "exited with error code " + exitValue;
    }
}
