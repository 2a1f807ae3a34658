package workbook.socket;

/**
 * Thrown by an in-process handler when its client sends {@value EchoProtocol#CRASH_REQUEST}. A handler
 * that shares the server's JVM cannot fail on its own: the best it can do is throw, and the server must
 * catch it. A handler with a process of its own simply dies (see {@link EchoProtocol#inOwnProcess()}).
 */
public final class HandlerCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerCrash(String message) {
        super(message);
    }
}
