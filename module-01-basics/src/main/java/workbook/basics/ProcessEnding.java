package workbook.basics;

import workbook.exercise.Todo;

/**
 * Exercise 1.5: how a process ended, read from its exit value.
 *
 * <p>On Unix a process ends by calling {@code exit(code)} or by being killed by a signal. Java reports
 * both through one number: an exit code as it is, a death by signal N as {@code 128 + N}. So
 * {@code destroy()} (SIGTERM, 15) shows as 143 and {@code destroyForcibly()} (SIGKILL, 9) as 137. The
 * number cannot tell a death by SIGTERM from {@code exit(143)}, and a JVM makes that difference real: it
 * handles SIGTERM by running its shutdown hooks and then calling {@code exit(143)}. This classification
 * follows the convention, which is the best a Java parent has: {@code KILLED_BY_SIGNAL} means "the exit
 * value names signal N", not "the kernel killed it". Python, which sees the difference, shows a death by
 * signal N as {@code -N} and a JVM ended by SIGTERM as 143.
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
     * The value Python's {@code Process.exitcode} would show if the signal killed the process.
     *
     * <p>That holds for SIGKILL, which no process can handle, and for a program that leaves SIGTERM's
     * default action in place; it does not hold for a JVM ended by SIGTERM, which exits with 143 and which
     * Python therefore shows as 143. The exit value alone cannot tell these apart.
     *
     * @return {@code -N} for {@code KILLED_BY_SIGNAL} with signal N, otherwise the exit code
     */
    public int pythonExitCode() {
        throw new Todo("1.5");
    }
}
