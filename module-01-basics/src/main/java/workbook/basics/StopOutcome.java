package workbook.basics;

/** What it took to stop a process. */
public enum StopOutcome {
    /** It had ended before anybody asked. */
    ALREADY_ENDED,
    /** It ended within the grace period after a polite request (SIGTERM on Unix). */
    ENDED_POLITELY,
    /** It ignored the polite request and was killed (SIGKILL on Unix). */
    KILLED
}
