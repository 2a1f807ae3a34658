package workbook.socket;

/**
 * An echo server listening on {@code 127.0.0.1}, on a port the operating system chose.
 *
 * <p>Every server in this module binds port 0 ("any free port") and reports the port it got, so that
 * tests and benchmarks never collide with each other or with anything else on the machine.
 */
public interface EchoServer extends AutoCloseable {

    /** @return the port the server listens on, on {@code 127.0.0.1} */
    int port();

    /**
     * Stops the server: no new client is accepted, and every client conversation and handler ends.
     * Calling it again does nothing.
     */
    @Override
    void close();
}
