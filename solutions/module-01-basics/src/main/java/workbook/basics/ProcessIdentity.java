package workbook.basics;

import java.time.Instant;
import java.util.Objects;

/**
 * Exercise 1.3: who a process is. Python's {@code os.getpid()} and {@code os.getppid()}, and a little more.
 *
 * <p>Every process has a number unique among the live processes (its pid), a parent (the process that
 * created it), the program it runs, and the moment it started. A pid alone is not an identity for
 * ever: once a process has gone, its number can be given to a new one. The pair (pid, start time) is.
 *
 * @param pid the process id
 * @param parentPid the parent's process id, or -1 if the parent is unknown (it has already exited, or
 *                  the operating system does not tell)
 * @param command the path of the program the process runs, or "" if the operating system does not tell
 * @param startTime when the process started, or null if the operating system does not tell
 */
public record ProcessIdentity(long pid, long parentPid, String command, Instant startTime) {

    /**
     * Describes the process that calls this method, in the process that calls it.
     *
     * @return the identity of the current process
     */
    public static ProcessIdentity current() {
        return of(ProcessHandle.current());
    }

    /**
     * Describes any process through its handle.
     *
     * @param process the process to describe
     * @return its identity
     * @throws NullPointerException if {@code process} is null
     */
    public static ProcessIdentity of(ProcessHandle process) {
        Objects.requireNonNull(process, "process must not be null");
        ProcessHandle.Info info = process.info();
        return new ProcessIdentity(
                process.pid(),
                process.parent().map(ProcessHandle::pid).orElse(-1L),
                info.command().orElse(""),
                info.startInstant().orElse(null));
    }
}
