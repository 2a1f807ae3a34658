package workbook.daemon;

import workbook.exercise.Todo;

/**
 * Ends a child JVM as soon as its parent is gone: the mechanism behind a {@link DaemonProcess}.
 *
 * <p>Why standard input: a child started by {@code JvmProcess} has a pipe as its standard input, whose
 * writing end only the parent holds and never writes to. When the parent ends, for whatever reason
 * (its {@code main} returns, SIGTERM, even SIGKILL, a crash), the kernel closes all its file
 * descriptors, and a read on the child's side returns end-of-file within milliseconds. Two tempting
 * alternatives fall short: a shutdown hook in the parent never runs on SIGKILL, and watching the parent
 * with {@code ProcessHandle.onExit()} polls (300 ms at first, backing off to seconds) because the parent
 * is not the child's own child.
 */
public final class ParentWatch {

    /** The exit value of a daemon that ended because its parent was gone. */
    public static final int PARENT_GONE = 3;

    private ParentWatch() {
    }

    /**
     * Starts watching this JVM's parent, and returns at once: {@link #awaitParentGone()} runs in a
     * background thread. That thread is a <em>daemon thread</em>, so it never keeps the JVM alive: a
     * daemon child whose work is done still ends as usual, without waiting for its parent.
     */
    public static void start() {
        Thread watch = new Thread(ParentWatch::awaitParentGone, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Blocks until this JVM's parent is gone, then ends this JVM with {@link #PARENT_GONE}.
     *
     * <p>The parent is gone when standard input reaches end-of-file ({@code read} returns -1) or breaks
     * (an {@code IOException}); anything read before that is discarded. Then it calls
     * {@code System.exit(PARENT_GONE)}, so that the child's own shutdown hooks still run. Call it only in
     * a child JVM whose standard input is the parent's pipe; it never returns.
     */
    public static void awaitParentGone() {
        throw new Todo("3.3");
    }
}
