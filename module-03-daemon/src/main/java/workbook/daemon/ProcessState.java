package workbook.daemon;

import java.util.Optional;
import workbook.exercise.Todo;

/**
 * The scheduling state of a process, as Linux shows it in the third field of {@code /proc/PID/stat}
 * (and {@code ps} in its {@code STAT} column).
 *
 * <p>The state that matters in this module is {@link #ZOMBIE} (僵尸进程): a process that has exited
 * but whose parent has not yet collected its exit status with {@code wait}. It runs no code and holds
 * no memory, but keeps its pid and its entry in the process table. The JDK cannot tell it from a live
 * process: {@link ProcessHandle#isAlive()} says true for a zombie. Only the state says the truth.
 */
public enum ProcessState {
    /** Running or ready to run ({@code R}). */
    RUNNING('R'),
    /** Waiting for an event, interruptibly ({@code S}): most processes, most of the time. */
    SLEEPING('S'),
    /** Waiting for the disk, uninterruptibly ({@code D}). */
    DISK_SLEEP('D'),
    /** Stopped by a signal such as SIGSTOP ({@code T}). */
    STOPPED('T'),
    /** Stopped by a debugger ({@code t}). */
    TRACED('t'),
    /** Exited, not yet reaped by its parent ({@code Z}). */
    ZOMBIE('Z'),
    /** Being removed ({@code X}); rarely seen. */
    DEAD('X'),
    /** An idle kernel thread ({@code I}). */
    IDLE('I'),
    /** A state letter this class does not know (kernels add some now and then). */
    OTHER('?');

    private final char code;

    ProcessState(char code) {
        this.code = code;
    }

    /** @return the letter {@code ps} shows for this state */
    public char code() {
        return code;
    }

    /**
     * @param code a state letter from {@code /proc/PID/stat}
     * @return the state it stands for; {@link #OTHER} for a letter not listed here
     */
    public static ProcessState fromCode(char code) {
        for (ProcessState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        return OTHER;
    }

    /**
     * Reads the current state of a process from {@code /proc/PID/stat}.
     *
     * <p>The line looks like {@code 4242 (java) S 4200 ...}: the pid, the command name in parentheses,
     * then the state letter. The command name is chosen by whoever started the program and may itself
     * contain spaces and parentheses, so find the state after the <em>last</em> {@code ')'} of the line,
     * never by splitting on spaces.
     *
     * @param pid the process to look at
     * @return its state; empty if there is no such process (it never existed, or it has been reaped)
     * @throws IllegalArgumentException if {@code pid} is not positive
     * @throws UnsupportedOperationException where there is no {@code /proc} (macOS, Windows)
     */
    public static Optional<ProcessState> of(long pid) {
        throw new Todo("3.4");
    }
}
