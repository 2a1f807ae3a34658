package workbook.join;

import workbook.process.JvmProcess;

/**
 * A test child that cannot be started: it holds a field that cannot be sent to a child JVM, so
 * {@code start()} throws {@link IllegalArgumentException} before any process exists.
 */
final class Unstartable extends JvmProcess {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unused", "serial"})
    private final Object notSerializable = new Object();

    Unstartable() {
        super("unstartable");
    }

    @Override
    public void run() {
        throw new AssertionError("never runs");
    }
}
