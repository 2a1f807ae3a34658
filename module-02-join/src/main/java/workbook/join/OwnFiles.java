package workbook.join;

import java.nio.file.Path;
import java.util.List;
import workbook.exercise.Todo;

/**
 * Exercise 2.6: many processes each create their own file; the parent checks every file, and only
 * after it has joined every child.
 */
public final class OwnFiles {

    private OwnFiles() {
    }

    /**
     * Runs {@code count} {@link FileMaker} children (indexes 0 to count-1) in {@code folder} at the same
     * time, joins all of them, then checks each one: it exited normally, its file is a regular file, and
     * the file holds exactly {@link FileMaker#contentFor(int, long)} for its index and <em>its</em> pid.
     * Nothing is left running when this method returns or throws.
     *
     * @param folder an existing folder to create the files in
     * @param count how many children to run; at least 1
     * @return one entry per child, in index order
     * @throws NullPointerException if {@code folder} is null
     * @throws IllegalArgumentException if {@code folder} is not a folder or {@code count} is less than 1
     * @throws IllegalStateException if a child failed or its file is missing or wrong; the message names
     *         the worker (as {@code worker-<index>}) and what was wrong
     * @throws InterruptedException if this thread is interrupted while joining
     */
    public static List<CreatedFile> createEach(Path folder, int count) throws InterruptedException {
        throw new Todo("2.6");
    }
}
