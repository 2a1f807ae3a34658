package workbook.isolation;

/**
 * A counter kept in a static field: the kind of "global variable" that looks shared by everything in a
 * program. It is shared by everything in <em>one JVM</em>. A child JVM loads this class afresh, runs its
 * static initialiser again and gets a field of its own, starting at {@link #START}, whatever the parent
 * has done to its copy (exercise 4.1).
 *
 * <p>Given code: nothing to write here.
 */
public final class StaticCounter {

    /** The value every JVM starts with, set by the static initialiser. */
    public static final int START = 100;

    private static int value = START;

    private StaticCounter() {
    }

    /** @return the counter's value in this JVM */
    public static synchronized int get() {
        return value;
    }

    /**
     * Adds to the counter of this JVM.
     *
     * @param amount what to add (may be negative)
     * @return the new value
     */
    public static synchronized int add(int amount) {
        value += amount;
        return value;
    }

    /**
     * Sets the counter of this JVM, for instance to show that a child never sees the change.
     *
     * @param newValue the new value
     */
    public static synchronized void set(int newValue) {
        value = newValue;
    }
}
