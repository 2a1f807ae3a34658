package workbook.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * What every concurrent server of this module shares: it listens on {@code 127.0.0.1} (port 0), and an
 * <em>acceptor</em> thread accepts clients one after another and passes each to {@link #handle(Socket)}.
 * The subclasses differ only in how a client is handled (a thread, a new process, a pooled process) and
 * in how their handlers are stopped. Given code.
 *
 * <p>{@code handle} runs on the acceptor thread, so while it runs no other client is accepted: it must
 * hand the conversation to someone else and return. An exception from {@code handle} ends only that
 * client's connection, never the server.
 */
public abstract class ConcurrentEchoServer implements EchoServer {

    /** Connections the kernel completes and holds while the acceptor is busy: they wait, they are not refused. */
    protected static final int BACKLOG = 200;

    private static final Duration ACCEPTOR_STOP = Duration.ofSeconds(5);

    private final ServerSocket listener;
    private final Thread acceptor;
    private volatile boolean closing;

    /**
     * Binds the listening socket; call {@link #start()} to begin accepting.
     *
     * @throws IOException if no port can be bound on {@code 127.0.0.1}
     */
    protected ConcurrentEchoServer() throws IOException {
        listener = new ServerSocket(0, BACKLOG, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, getClass().getSimpleName() + "-acceptor-port-" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Starts accepting clients, on a thread of its own; returns at once.
     *
     * @return this server
     */
    public final ConcurrentEchoServer start() {
        acceptor.start();
        return this;
    }

    @Override
    public final int port() {
        return listener.getLocalPort();
    }

    /** @return true once {@link #close()} has begun: handlers must not start anything new then */
    protected final boolean closing() {
        return closing;
    }

    /**
     * Takes charge of one accepted client and returns, leaving the conversation to a handler.
     *
     * @param client the connection; the handler (or this method, if it fails) must close it in the end
     * @throws IOException if the handler cannot be set up; the server closes the client and carries on
     * @throws InterruptedException if the server is closing while this method waits
     */
    protected abstract void handle(Socket client) throws IOException, InterruptedException;

    /**
     * Ends every handler and every client connection still open. Called by {@link #close()} after the
     * listening socket is closed and the acceptor has stopped, so no new handler can appear meanwhile.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting for handlers to end
     */
    protected abstract void stopHandlers() throws InterruptedException;

    /**
     * Stops accepting (the port is free again at once), then stops the handlers.
     */
    @Override
    public final void close() {
        if (closing) {
            return;
        }
        closing = true;
        Sockets.closeQuietly(listener);
        acceptor.interrupt();
        try {
            acceptor.join(ACCEPTOR_STOP.toMillis());
            stopHandlers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closing) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    System.err.println(acceptor.getName() + ": accept failed, stopping: " + e);
                }
                return;
            }
            try {
                handle(client);
            } catch (InterruptedException e) {
                Sockets.closeQuietly(client);
                if (closing) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                System.err.println(acceptor.getName() + ": could not serve " + client.getRemoteSocketAddress() + ": " + e);
                Sockets.closeQuietly(client);
            }
        }
    }
}
