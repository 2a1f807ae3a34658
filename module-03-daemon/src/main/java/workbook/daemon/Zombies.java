package workbook.daemon;

import java.time.Duration;
import workbook.exercise.Todo;

/**
 * Getting rid of a zombie (僵尸进程).
 *
 * <p>A zombie cannot be killed: it is already dead, and a signal has nobody left to reach. It goes away
 * only when a parent collects its exit status with {@code wait}. If its own parent never does, the
 * remedy is to end that parent: the zombie is then an orphan, the adopter (init or a subreaper) waits
 * for it as it waits for every child it adopts, and the zombie is gone. The real culprit is the parent
 * that does not wait, not the zombie.
 *
 * <p>A Java parent never leaves zombies of the processes it starts: the JDK runs a "process reaper"
 * thread that waits for each of them as soon as it exits.
 */
public final class Zombies {

    private Zombies() {
    }

    /**
     * Makes a zombie disappear by ending the parent that fails to reap it, and waits until it has been
     * reaped. The parent is asked politely first ({@code destroy()}); if it is still alive after half of
     * {@code timeout}, it is ended forcibly. If the zombie's parent is already {@code init} (pid 1), there
     * is nobody to end: the method only waits.
     *
     * @param zombiePid the pid of a process in state {@link ProcessState#ZOMBIE}
     * @param timeout how long to wait, in all, for the zombie to disappear
     * @return the pid of the parent that was ended (or 1, if init was already its parent)
     * @throws IllegalArgumentException if the timeout is not positive, or {@code zombiePid} is not a
     *         zombie (a live process is left untouched)
     * @throws IllegalStateException if the zombie's parent is this JVM, or the zombie is still there
     *         when the timeout has passed
     */
    public static long reap(long zombiePid, Duration timeout) throws InterruptedException {
        throw new Todo("3.5");
    }
}
