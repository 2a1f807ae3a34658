package workbook.join;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import workbook.process.JvmProcess;

/**
 * A child that creates one file of its own, {@code worker-<index>.txt} in a given folder, holding one
 * line that says who wrote it: {@code worker <index> pid <pid>}. It refuses to overwrite a file that
 * already exists, and ends with exit value 1 if it cannot create its file.
 *
 * <p>The folder travels to the child as a string: {@link Path} objects are not serializable.
 */
public final class FileMaker extends JvmProcess {
    private static final long serialVersionUID = 1L;

    private final String folder;
    private final int index;

    /**
     * @param folder an existing folder
     * @param index the worker's number, from 0; it names the file
     */
    public FileMaker(Path folder, int index) {
        super(fileName(index));
        this.folder = Objects.requireNonNull(folder, "folder must not be null").toString();
        if (index < 0) {
            throw new IllegalArgumentException("index must be 0 or more, got " + index);
        }
        this.index = index;
    }

    /** @return the worker's number */
    public int index() {
        return index;
    }

    /** @return the file this worker creates */
    public Path file() {
        return Path.of(folder, fileName(index));
    }

    /**
     * @param index a worker's number
     * @return the name of the file that worker creates
     */
    public static String fileName(int index) {
        return "worker-" + index + ".txt";
    }

    /**
     * @param index a worker's number
     * @param pid the process id of the child that is that worker
     * @return exactly what the worker's file must contain
     */
    public static String contentFor(int index, long pid) {
        return "worker " + index + " pid " + pid + "\n";
    }

    @Override
    public void run() {
        String content = contentFor(index, ProcessHandle.current().pid());
        try {
            Files.writeString(file(), content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("worker " + index + " could not create " + file(), e);
        }
    }
}
