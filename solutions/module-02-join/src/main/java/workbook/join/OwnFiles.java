package workbook.join;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/**
 * Exercise 2.6: many processes each create their own file; the parent checks every file, and only
 * after it has joined every child.
 *
 * <p>Before the join, a missing file means nothing (its writer may not have started yet); after the
 * join it is a fact. The parent checks what each child reported through the exit status and what it
 * left on disk, and attributes every file to the process that wrote it.
 */
public final class OwnFiles {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

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
        Objects.requireNonNull(folder, "folder must not be null");
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder: create it first");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        List<FileMaker> makers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            makers.add(new FileMaker(folder, i));
        }
        startAllThenJoinAll(makers);

        List<CreatedFile> created = new ArrayList<>();
        for (FileMaker maker : makers) {
            created.add(check(maker));
        }
        return created;
    }

    private static void startAllThenJoinAll(List<FileMaker> makers) throws InterruptedException {
        List<JvmProcess> started = new ArrayList<>();
        boolean allJoined = false;
        try {
            for (FileMaker maker : makers) {
                maker.start();
                started.add(maker);
            }
            for (FileMaker maker : makers) {
                maker.join();
            }
            allJoined = true;
        } finally {
            if (!allJoined) {
                for (JvmProcess child : started) {
                    if (child.isAlive()) {
                        child.kill();
                    }
                    child.join(KILL_WAIT);
                }
            }
        }
    }

    /** After the join: the child's own report (its exit status), then what it left on disk. */
    private static CreatedFile check(FileMaker maker) {
        String worker = FileMaker.fileName(maker.index()).replace(".txt", "") + " (pid " + maker.pid() + ")";
        ExitStatus status = maker.exitStatus().orElseThrow();
        Path file = maker.file();
        if (!status.isSuccess()) {
            throw new IllegalStateException(worker + " " + status + ": it did not create " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(worker + " exited normally, but " + file + " is not a regular file");
        }
        String expected = FileMaker.contentFor(maker.index(), maker.pid());
        String actual;
        try {
            actual = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " written by " + worker, e);
        }
        if (!actual.equals(expected)) {
            throw new IllegalStateException(file + " should hold '" + expected.strip() + "' (written by " + worker
                    + "), but holds '" + actual.strip() + "'");
        }
        return new CreatedFile(maker.index(), maker.pid(), file);
    }
}
