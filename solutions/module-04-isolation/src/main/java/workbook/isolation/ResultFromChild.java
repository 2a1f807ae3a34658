package workbook.isolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import workbook.process.JvmProcess;

/**
 * Exercise 4.3: objects handed to a child are copies; a result must be sent back explicitly.
 *
 * <p>When a {@link workbook.process.JvmProcess} starts, its object (and everything it holds) is
 * serialized and rebuilt in the child: the child works on a copy. Whatever the child computes into
 * that copy dies with the child unless the child sends it back through a channel both processes can
 * reach: its standard output, its exit code, or a file.
 */
public final class ResultFromChild {

    private ResultFromChild() {
    }

    /**
     * Runs {@link PrimeCountJob#compute()} in a fresh child JVM and returns the child's computed copy of
     * the job.
     *
     * <p>The child computes its copy of {@code job} and sends the whole object back, for instance
     * serialized into a file the parent chose; the parent reads it back after the child has ended. The
     * {@code job} passed in is left exactly as it was: it is not computed in this JVM. A file used to carry
     * the result is deleted before this method returns or throws: nothing is left behind.
     *
     * @param job the job to compute; not computed yet
     * @return the copy the child computed: its {@code primes()} and {@code computedBy()} are set, the
     *         latter to the child's pid
     * @throws NullPointerException if {@code job} is null
     * @throws IllegalStateException if the child fails or sends nothing back (the message says how the
     *         child ended)
     * @throws InterruptedException if this thread is interrupted while waiting for the child
     */
    public static PrimeCountJob computeInChild(PrimeCountJob job) throws InterruptedException {
        Objects.requireNonNull(job, "job must not be null");
        Path resultFile = createResultFile();
        try {
            // A Path is not Serializable; its text is. The lambda captures the job, so the child gets
            // its own copy of it, computes that copy and writes it back into the file.
            String resultPath = resultFile.toString();
            JvmProcess child = new JvmProcess("prime-counter", () -> {
                job.compute();
                writeObject(Path.of(resultPath), job);
            });
            child.captureOutput();
            child.start();
            child.join();

            var status = child.exitStatus().orElseThrow();
            if (!status.isSuccess()) {
                throw new IllegalStateException("the child computing " + job + " (pid " + child.pid() + ") " + status
                        + "; it wrote on standard error:\n" + child.errorOutput());
            }
            return readObject(resultFile, child.pid());
        } finally {
            deleteQuietly(resultFile);
        }
    }

    /** Runs in the child: serializes the computed copy into the file the parent chose. */
    private static void writeObject(Path file, PrimeCountJob computed) {
        try (OutputStream bytes = Files.newOutputStream(file);
             ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(computed);
        } catch (IOException e) {
            throw new UncheckedIOException("the child could not write its result to " + file, e);
        }
    }

    /** Runs in the parent, after the child has ended successfully. */
    private static PrimeCountJob readObject(Path file, long childPid) {
        try (InputStream bytes = Files.newInputStream(file);
             ObjectInputStream in = new ObjectInputStream(bytes)) {
            return (PrimeCountJob) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("the child (pid " + childPid + ") ended normally but left no readable result in "
                    + file + ": " + e, e);
        }
    }

    private static Path createResultFile() {
        try {
            return Files.createTempFile("prime-count-", ".result");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for the child's result", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is not worth failing the computation for.
        }
    }
}
