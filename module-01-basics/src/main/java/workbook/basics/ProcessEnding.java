package workbook.basics;

import workbook.exercise.Todo;

/**
 * Exercise 1.5: how a process ended, read from its exit value.
 *
 * <p>On Unix a process ends by calling {@code exit(code)} or by being killed by a signal. Java reports
 * both through one number: an exit code as it is, a death by signal N as {@code 128 + N}. So
 * {@code destroy()} (SIGTERM, 15) shows as 143 and {@code destroyForcibly()} (SIGKILL, 9) as 137. The
 * convention cannot tell a real {@code System.exit(143)} from a SIGTERM; it is the best a Java parent has.
 * Python shows a death by signal N as the exit code {@code -N}.
 *
 * @param kind how the process ended
 * @param exitValue the raw value of {@link Process#exitValue()}
 * @param number the exit code for {@code NORMAL} and {@code ERROR}, the signal number for {@code KILLED_BY_SIGNAL}
 */
public record ProcessEnding(EndKind kind, int exitValue, int number) {

    /**
     * Classifies an exit value reported on Unix (Linux or macOS).
     *
     * <p>0 is {@code NORMAL}; {@code 128 + N} for a signal number N from 1 to 64 is
     * {@code KILLED_BY_SIGNAL} with number N; anything else is {@code ERROR} with the value as its number.
     *
     * @param exitValue a value of {@link Process#exitValue()}, 0 to 255 on Unix
     * @return the classification
     * @throws IllegalArgumentException if {@code exitValue} is outside 0 to 255
     */
    public static ProcessEnding fromExitValue(int exitValue) {
        throw new Todo("1.5");
    }

    /**
     * The value Python's {@code Process.exitcode} would show for the same ending.
     *
     * @return {@code -N} for a death by signal N, otherwise the exit code
     */
    public int pythonExitCode() {
        throw new Todo("1.5");
    }
}
