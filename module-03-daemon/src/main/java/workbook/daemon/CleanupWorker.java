package workbook.daemon;

import java.nio.file.Path;
import java.util.Objects;
import workbook.exercise.Todo;
import workbook.process.JvmProcess;

/**
 * A child that holds a work file while it runs and removes it when it is asked to stop: the difference
 * between a polite and a forcible end, made visible.
 *
 * <p>{@code terminate()} sends SIGTERM: the child JVM runs its shutdown hooks, then exits (exit value
 * 143). {@code kill()} sends SIGKILL: the kernel removes the process at once, no code of the child runs
 * and the file stays behind (exit value 137). A {@code finally} block is no substitute for a hook: on
 * SIGTERM the JVM runs the hooks and halts; the thread inside {@code try} never gets to its
 * {@code finally}. On Windows both calls end the process forcibly.
 */
public class CleanupWorker extends JvmProcess {
    private static final long serialVersionUID = 1L;

    /** A {@code String}, not a {@code Path}: it travels to the child, and {@code Path} is not serializable. */
    private final String workFile;

    /**
     * @param name the name, carried to the child
     * @param workFile the file the child creates and removes; its folder must exist
     */
    public CleanupWorker(String name, Path workFile) {
        super(name);
        this.workFile = Objects.requireNonNull(workFile, "workFile must not be null").toString();
    }

    /** @return the file the child holds while it runs */
    public final Path workFile() {
        return Path.of(workFile);
    }

    /**
     * In the child: registers a shutdown hook that deletes the work file, then creates the work file with
     * this process's pid as its only content (no line break), then waits until the process is ended from
     * outside. The hook comes first so that there is no moment in which the file exists and a polite
     * request would leave it behind.
     */
    @Override
    public void run() {
        throw new Todo("3.6");
    }
}
