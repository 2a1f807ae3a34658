package workbook.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import workbook.exercise.Todo;

/**
 * The simplest echo server: one process, one thread, one client at a time. While it talks to one client,
 * the next ones wait in the kernel's accept queue, connected but unanswered. That is the problem the rest
 * of the module solves.
 */
public final class BlockingEchoServer implements EchoServer {

    private final ServerSocket listener;
    private final EchoProtocol protocol = EchoProtocol.inSharedProcess();

    /**
     * Binds {@code 127.0.0.1} on a free port; call {@link #serve()} (or {@link #start()}) to serve.
     *
     * @throws IOException if no port can be bound
     */
    public BlockingEchoServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Serves clients one after another, on the calling thread, until {@link #close()}.
     *
     * <p>Contract: accept a client, hold the whole conversation with it
     * ({@link EchoProtocol#serve}) on this thread, close its connection, and only then accept the next.
     * A client that fails in any way (disconnects abruptly, sends {@value EchoProtocol#CRASH_REQUEST}) ends
     * only its own conversation; the loop goes on. The method returns, without an exception, once
     * {@link #close()} has closed the listening socket.
     */
    public void serve() {
        throw new Todo("5.2");
    }

    /**
     * Runs {@link #serve()} on a new thread, and closes the server when {@code serve()} ends.
     *
     * @return the thread; it ends after {@link #close()}
     */
    public Thread start() {
        Thread thread = new Thread(() -> {
            try {
                serve();
            } finally {
                close(); // if serve() failed, waiting clients learn at once instead of waiting forever
            }
        }, "blocking-echo-server-port-" + port());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Closes the listening socket; {@link #serve()} returns after the current conversation. */
    @Override
    public void close() {
        Sockets.closeQuietly(listener);
    }
}
