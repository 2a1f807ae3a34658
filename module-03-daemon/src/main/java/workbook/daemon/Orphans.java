package workbook.daemon;

import java.util.OptionalLong;
import workbook.exercise.Todo;

/**
 * Orphans (孤儿进程): processes whose parent ended before they did.
 *
 * <p>When a parent exits, its running children are not killed: the kernel gives each of them a new
 * parent, the "adopter". On a classic Linux system that is {@code init} (pid 1); on systems with a
 * <em>subreaper</em> (systemd's user manager, {@code tini} in a container, a shell started with
 * {@code PR_SET_CHILD_SUBREAPER}) it is the nearest subreaper above the dead parent. So never assume
 * the adopter is pid 1: ask the operating system.
 *
 * <p>An orphan also drops out of {@link ProcessHandle#descendants()} of every process above its former
 * parent: the test JVM can no longer find it by walking its own tree, only by its pid.
 */
public final class Orphans {

    private Orphans() {
    }

    /**
     * Tells whether a process has been adopted, and by whom.
     *
     * @param pid the process to look at; it must be alive
     * @param formerParentPid the pid of the process that started it
     * @return the pid of its current parent if that is no longer {@code formerParentPid} (the process
     *         was re-parented, whoever adopted it); empty while {@code formerParentPid} is still its parent
     * @throws IllegalArgumentException if a pid is not positive, or no live process has pid {@code pid}
     * @throws IllegalStateException if the operating system reports no parent for the process
     */
    public static OptionalLong adoptiveParent(long pid, long formerParentPid) {
        throw new Todo("3.1");
    }
}
