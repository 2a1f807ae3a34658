package workbook.process;

import java.util.OptionalInt;

/**
 * How a finished process ended, as far as its exit value can tell.
 *
 * <p>On Unix a process ends in one of two ways, and the kernel tells its parent which: it <em>exits</em>
 * (it calls {@code exit(n)} with n from 0 to 255), or a <em>signal kills it</em> (the kernel ends it and
 * none of its code runs again). Java folds both into one number, {@link Process#exitValue()}: exit code n
 * as n, death by signal N as {@code 128 + N}. So an exit value cannot tell a death by signal N from a
 * call of {@code exit(128 + N)}: {@link #signal()} says which signal the value points to, not that the
 * signal killed the process.
 *
 * <p>The ambiguity is real for a JVM. A JVM handles SIGTERM, SIGINT and SIGHUP itself: it runs its
 * shutdown hooks, then calls {@code exit(128 + N)}. A JVM ended with {@code destroy()} (SIGTERM)
 * therefore <em>exits normally</em> with 143; only in its first few tens of milliseconds, before it has
 * installed its handlers, does SIGTERM kill it outright, with the same exit value. SIGKILL
 * ({@code destroyForcibly()}, 137) cannot be handled: it always kills.
 *
 * <p>Python's {@code Popen.returncode} and {@code multiprocessing.Process.exitcode} see the difference:
 * {@code -N} for a death by signal N, n for {@code exit(n)}. Measured on Linux with JDK 17, a JVM under
 * Python's {@code Popen} shows 143 after SIGTERM and -9 after SIGKILL, while {@code sleep} shows -15 after
 * SIGTERM. {@link #pythonExitCode()} can only guess which Python would show; its Javadoc says how.
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

    /**
     * The signal N that an exit value of {@code 128 + N} points to. The process either died of that
     * signal or called {@code exit(128 + N)}, often because it handled the signal (a JVM does so for
     * SIGTERM, SIGINT and SIGHUP); the exit value cannot tell which.
     *
     * @return N for an exit value of {@code 128 + N} with N from 1 to 64; empty otherwise, and on Windows
     */
    public OptionalInt signal() {
        if (HAS_SIGNALS && exitValue > SIGNAL_BASE && exitValue <= SIGNAL_BASE + HIGHEST_SIGNAL) {
            return OptionalInt.of(exitValue - SIGNAL_BASE);
        }
        return OptionalInt.empty();
    }

    /**
     * The value Python's {@code exitcode} would show <em>if the signal that {@link #signal()} names
     * killed the process</em>: {@code -N} for an exit value of {@code 128 + N}, otherwise the exit value.
     *
     * <p>This is a guess, because an exit value cannot tell a death by signal N from {@code exit(128 + N)}
     * (see the class comment). It is right for SIGKILL, which no process can handle, and for a program
     * that leaves a signal's default action in place (most non-Java programs with SIGTERM). It is wrong
     * for a JVM ended by SIGTERM after start-up: the JVM runs its hooks and exits with 143, and Python
     * shows 143. Only the parent's own {@code waitpid()} status knows for sure, and Java does not
     * expose it.
     *
     * @return {@code -N} for an exit value of {@code 128 + N} (N from 1 to 64), otherwise the exit value
     */
    public int pythonExitCode() {
        return signal().isPresent() ? -signal().getAsInt() : exitValue;
    }

    /**
     * @return "exited normally (exit value 0)", "exited with error code N", or, for {@code 128 + N}, both
     *     readings: "killed by signal N or exited with 128 + N (the exit value cannot tell which)"
     */
    @Override
    public String toString() {
        if (isSuccess()) {
            return "exited normally (exit value 0)";
        }
        if (signal().isPresent()) {
            return "exit value " + exitValue + ": killed by signal " + signal().getAsInt() + " or exited with "
                    + exitValue + " (the exit value cannot tell which)";
        }
        return "exited with error code " + exitValue;
    }
}
