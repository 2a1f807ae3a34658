package workbook.isolation;

import java.io.Serializable;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A small job: count the primes below a limit. The object carries its input and, once
 * {@link #compute()} has run, its result and the pid of the process that computed it.
 *
 * <p>It is {@link Serializable} so that it can travel to a child JVM, and back. Travelling makes a
 * copy: computing the copy in a child changes nothing in the parent's object (exercise 4.3).
 *
 * <p>Given code: nothing to write here.
 */
public final class PrimeCountJob implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest limit accepted, so that one job stays a matter of milliseconds. */
    public static final int MAX_LIMIT = 10_000_000;

    private final int limit;
    private int primes = -1;
    private long computedBy = -1;

    /**
     * @param limit count the primes strictly below this number, from 0 to {@link #MAX_LIMIT}
     * @throws IllegalArgumentException if the limit is out of range
     */
    public PrimeCountJob(int limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", got " + limit);
        }
        this.limit = limit;
    }

    /** @return the limit: primes strictly below it are counted */
    public int limit() {
        return limit;
    }

    /** Counts the primes (sieve of Eratosthenes) and records which process did it. */
    public void compute() {
        boolean[] composite = new boolean[Math.max(limit, 2)];
        int count = 0;
        for (int n = 2; n < limit; n++) {
            if (!composite[n]) {
                count++;
                for (long multiple = (long) n * n; multiple < limit; multiple += n) {
                    composite[(int) multiple] = true;
                }
            }
        }
        primes = count;
        computedBy = ProcessHandle.current().pid();
    }

    /** @return the number of primes below the limit; empty until {@link #compute()} has run on this object */
    public OptionalInt primes() {
        return primes < 0 ? OptionalInt.empty() : OptionalInt.of(primes);
    }

    /** @return the pid of the process that ran {@link #compute()} on this object; empty until then */
    public OptionalLong computedBy() {
        return computedBy < 0 ? OptionalLong.empty() : OptionalLong.of(computedBy);
    }

    @Override
    public String toString() {
        return "PrimeCountJob[limit " + limit + ", "
                + (primes < 0 ? "not computed" : primes + " primes, computed by pid " + computedBy) + "]";
    }
}
