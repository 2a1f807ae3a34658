package workbook.basics;

/** The ways a process can end, as its parent sees them on Unix. */
public enum EndKind {
    /** It finished its work and exited with 0. */
    NORMAL,
    /** It exited with a non-zero code: it chose to report a failure (or an uncaught exception made Java do so). */
    ERROR,
    /** A signal ended it: another process killed it, or the operating system did after a fatal error. */
    KILLED_BY_SIGNAL
}
