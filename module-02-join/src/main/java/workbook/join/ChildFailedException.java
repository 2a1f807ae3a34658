package workbook.join;

import java.util.Objects;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/**
 * One of a group of children ended without success, so the whole group was given up: the others were
 * stopped before this exception was thrown. Carries the child that failed first and how it ended.
 */
public final class ChildFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JvmProcess child;
    private final ExitStatus status;

    /**
     * @param child the child that failed
     * @param status how it ended
     */
    public ChildFailedException(JvmProcess child, ExitStatus status) {
        super("child '" + child.name() + "' (pid " + child.pid() + ") " + Objects.requireNonNull(status, "status")
                + "; the other children were stopped");
        this.child = child;
        this.status = status;
    }

    /** @return the child that failed first */
    public JvmProcess child() {
        return child;
    }

    /** @return how that child ended */
    public ExitStatus status() {
        return status;
    }
}
