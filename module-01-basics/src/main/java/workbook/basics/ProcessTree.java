package workbook.basics;

import java.util.List;
import workbook.exercise.Todo;

/**
 * Exercise 1.8: a small {@code ps --forest}: a process and everything below it.
 *
 * <p>Processes form a tree: every process but the first has a parent, the one that created it. A
 * process sees its children with {@link ProcessHandle#children()}; walking down from there gives its
 * descendants. The listing is a snapshot: by the time it is printed, some of those processes may have
 * ended and others may have started.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Lists {@code root} and its live descendants, depth first: a process comes right after its parent,
     * and the children of one parent come in ascending pid order.
     *
     * @param root the top of the listing (depth 0)
     * @return the listing; the root's parentPid is its real parent's pid, or -1 if unknown
     * @throws NullPointerException if {@code root} is null
     */
    public static List<TreeLine> of(ProcessHandle root) {
        throw new Todo("1.8");
    }

    /**
     * Renders a listing as text: one line per process, {@code "<indent><pid> <command>"}, where the
     * indent is two spaces per level of depth, each line ending with {@code '\n'}.
     *
     * @param lines a listing made by {@link #of(ProcessHandle)}
     * @return the text
     * @throws NullPointerException if {@code lines} is null
     */
    public static String render(List<TreeLine> lines) {
        throw new Todo("1.8");
    }
}
