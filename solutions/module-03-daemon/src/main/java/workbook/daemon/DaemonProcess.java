package workbook.daemon;

import java.util.Objects;
import java.util.Optional;
import workbook.process.JvmProcess;
import workbook.process.Task;

/**
 * A {@link JvmProcess} with Python's {@code daemon} flag: a daemon child (守护进程) lives only as long as
 * the parent that started it.
 *
 * <p>Java has daemon <em>threads</em> (the JVM does not wait for them at exit) but no daemon
 * <em>processes</em>: a child process is a separate program, and nothing in the JDK ends it when its
 * parent ends. This class builds the Python behaviour from two parts:
 * <ul>
 *   <li>the rules, checked here: the flag is set before {@link #start()}, never after; and a daemon may
 *       not start children of its own (they would be left behind when the daemon is ended);</li>
 *   <li>the death, arranged in the child: {@link #run()} first starts a {@link ParentWatch}, which ends
 *       the child as soon as its parent is gone, however the parent ended.</li>
 * </ul>
 * The flag travels to the child with the rest of the object, so in the child
 * {@code JvmProcess.current()} tells whether this JVM is a daemon.
 *
 * <p>Like Python's rule, the "no children" rule covers the process class only: a daemon can still run a
 * program with {@link ProcessBuilder}, just as a Python daemon can still use {@code subprocess}.
 */
public class DaemonProcess extends JvmProcess {
    private static final long serialVersionUID = 1L;

    private boolean daemon;
    private transient boolean started;

    /**
     * @param name the name, carried to the child
     * @param target what the child runs
     */
    public DaemonProcess(String name, Task target) {
        super(name, Objects.requireNonNull(target, "target must not be null: pass the code the child should run"));
    }

    /** @return true if the child is (or will be) a daemon */
    public final boolean isDaemon() {
        return daemon;
    }

    /**
     * Makes the child a daemon, or not (the default). The flag is part of how the child is started, so
     * it can only be set before {@link #start()}.
     *
     * @param daemon true for a child that ends when its parent ends
     * @throws IllegalStateException if this process has been started, whatever the value; the message says
     *         that the flag must be set before {@code start()}, and the flag stays as it was
     */
    public final void setDaemon(boolean daemon) {
        if (started) {
            throw new IllegalStateException("setDaemon(" + daemon + ") on " + this + ": the daemon flag must be set"
                    + " before start(); a started process cannot become a daemon, or stop being one");
        }
        this.daemon = daemon;
    }

    /**
     * Starts the child, after checking that this JVM may start children.
     *
     * @throws IllegalStateException if this JVM is itself a daemon, or the process was started before
     */
    @Override
    public void start() {
        requireMayStartChildren(JvmProcess.current());
        super.start();
        started = true;
    }

    /**
     * Enforces the rule that a daemon has no children: in a JVM that was started to run a daemon
     * {@code DaemonProcess}, starting another one is refused, as Python refuses with "daemonic processes
     * are not allowed to have children". In any other JVM (the test JVM, a non-daemon child) it does
     * nothing. {@link #start()} passes {@code JvmProcess.current()}; taking it as a parameter lets the
     * rule be checked on its own.
     *
     * @param running the object this JVM was started to run ({@code JvmProcess.current()}); empty in a
     *        JVM that no {@code JvmProcess} started
     * @throws IllegalStateException if {@code running} is a {@code DaemonProcess} whose daemon flag is set;
     *         the message contains the words "daemonic processes are not allowed to have children" and
     *         names the daemon
     */
    public static void requireMayStartChildren(Optional<JvmProcess> running) {
        Objects.requireNonNull(running, "running must not be null: pass JvmProcess.current()");
        if (running.orElse(null) instanceof DaemonProcess self && self.isDaemon()) {
            throw new IllegalStateException("daemonic processes are not allowed to have children: '" + self.name()
                    + "' is a daemon. A daemon is ended when its parent ends, and its own children would be left"
                    + " behind as orphans; start the children from the parent, or make '" + self.name()
                    + "' a non-daemon");
        }
    }

    /** In the child: starts watching the parent if this is a daemon, then runs the target. */
    @Override
    public final void run() {
        if (daemon) {
            ParentWatch.start();
        }
        super.run();
    }
}
