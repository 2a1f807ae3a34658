package workbook.isolation;

import workbook.process.JvmProcess;

/**
 * Exercise 4.1: a child changes a static field; the parent's copy is untouched.
 *
 * <p>Every process has its own memory. A child JVM has its own {@link StaticCounter}, initialised by
 * its own run of the static initialiser; whatever it adds stays in the child, and whatever the parent
 * set before starting it never reaches the child. The only way the parent learns what the child saw is
 * for the child to say so, here on its standard output.
 */
public final class CounterInChild {

    private CounterInChild() {
    }

    /**
     * Adds {@code amount} to {@link StaticCounter} in a fresh child JVM and returns what the child saw.
     *
     * <p>The child reads its counter, adds {@code amount}, and reports its pid and both values back to
     * the parent (for instance as one line on its standard output, which the parent captures). This
     * method waits for the child to end and does not touch the parent's {@link StaticCounter} at all:
     * after it returns, the parent's counter holds what it held before.
     *
     * @param amount what the child adds to its counter (may be negative)
     * @return the child's pid and the child's counter before and after the addition
     * @throws IllegalStateException if the child fails or reports something unreadable (the message
     *         says what the child printed)
     * @throws InterruptedException if this thread is interrupted while waiting for the child
     */
    public static ChildView addInChild(int amount) throws InterruptedException {
        // The lambda captures only an int, so it can travel to the child. Everything in its body runs
        // there, on the child's own StaticCounter.
        JvmProcess child = new JvmProcess("counter-child", () -> {
            int before = StaticCounter.get();
            int after = StaticCounter.add(amount);
            System.out.println(ProcessHandle.current().pid() + " " + before + " " + after);
        });
        child.captureOutput();
        child.start();
        child.join();

        var status = child.exitStatus().orElseThrow();
        if (!status.isSuccess()) {
            throw new IllegalStateException("the counter child (pid " + child.pid() + ") " + status
                    + "; it wrote on standard error:\n" + child.errorOutput());
        }
        return parseReport(child.output().strip(), child.pid());
    }

    /** Reads the child's one-line report {@code "<pid> <before> <after>"}. */
    private static ChildView parseReport(String report, long childPid) {
        String[] fields = report.split(" ");
        try {
            if (fields.length == 3) {
                return new ChildView(Long.parseLong(fields[0]), Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalStateException("the counter child (pid " + childPid + ") should print '<pid> <before> <after>',"
                + " but printed: '" + report + "'");
    }
}
