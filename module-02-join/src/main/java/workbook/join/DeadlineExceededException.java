package workbook.join;

import java.time.Duration;
import java.util.List;

/**
 * A group of children did not all end within the one deadline given for the whole group; the children
 * still running were stopped before this exception was thrown.
 */
public final class DeadlineExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration deadline;
    private final List<String> stillRunning;

    /**
     * @param deadline the deadline that passed
     * @param stillRunning the names of the children that were still running when it passed
     */
    public DeadlineExceededException(Duration deadline, List<String> stillRunning) {
        super("the children did not all end within " + deadline.toMillis() + " ms; still running then: "
                + stillRunning + " (they were stopped)");
        this.deadline = deadline;
        this.stillRunning = List.copyOf(stillRunning);
    }

    /** @return the deadline that passed */
    public Duration deadline() {
        return deadline;
    }

    /** @return the names of the children that were still running at the deadline */
    public List<String> stillRunning() {
        return stillRunning;
    }
}
