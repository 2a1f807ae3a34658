package workbook.basics;

/** The ways a process can end, as its parent sees them on Unix. */
public enum EndKind {
    /** It finished its work and exited with 0. */
    NORMAL,
    /** It exited with a non-zero code: it chose to report a failure (or an uncaught exception made Java do so). */
    ERROR,
    /**
     * The exit value is 128 + N for a signal N. Either the signal killed it (another process sent it, or
     * the operating system did after a fatal error), or the process handled the signal and exited with
     * 128 + N, as a JVM does with SIGTERM after running its shutdown hooks. The exit value cannot tell which.
     */
    KILLED_BY_SIGNAL
}
