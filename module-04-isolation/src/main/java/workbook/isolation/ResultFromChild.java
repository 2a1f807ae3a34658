package workbook.isolation;

import workbook.exercise.Todo;

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
        throw new Todo("4.3");
    }
}
