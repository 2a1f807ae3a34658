package workbook.basics;

import java.nio.file.Path;
import workbook.exercise.Todo;
import workbook.process.JvmProcess;

/**
 * Exercise 1.7: a process class of your own, Python's "subclass {@code Process}, override {@code run()}".
 *
 * <p>The constructor runs in the parent; {@link #run()} runs in the child, on a copy of this object
 * that travelled there as bytes. So the state the child needs must be held in fields that can travel
 * (a {@link Path} cannot; its text can), and the name must be handed to {@code super(name)}, the only
 * place {@link JvmProcess} accepts it, so that the parent and the child agree on it.
 */
public class CountdownWorker extends JvmProcess {
    private static final long serialVersionUID = 1L;

    /**
     * @param name the process name, the same in parent and child
     * @param reportFile the file the child writes its report to
     * @param from where the countdown starts, zero or more
     * @throws NullPointerException if {@code name} or {@code reportFile} is null
     * @throws IllegalArgumentException if {@code from} is negative
     */
    public CountdownWorker(String name, Path reportFile, int from) {
        throw new Todo("1.7");
    }

    /**
     * In the child: writes the report file, one line per number from {@code from} down to 0, each line
     * {@code "<name> <pid> <number>"} where pid is the child's own process id.
     */
    @Override
    public void run() {
        throw new Todo("1.7");
    }
}
