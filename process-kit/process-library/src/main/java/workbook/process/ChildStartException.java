package workbook.process;

/**
 * A child JVM could not be started, or started but never reached the object's {@code run()}:
 * the {@code java} executable is missing, the class path is wrong, or the object could not be
 * rebuilt in the child. The message carries what the child printed on its standard error.
 */
public final class ChildStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChildStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
