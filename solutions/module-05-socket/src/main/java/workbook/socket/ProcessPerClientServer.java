package workbook.socket;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import workbook.process.JavaCommand;

/**
 * Serves each client in a child process of its own: the Java version of the source lesson's
 * {@code Process(target=talk, args=(conn,))} per accepted connection.
 *
 * <p>A Java parent cannot give the accepted socket to the child (the JDK has no way to pass a file
 * descriptor), so the server keeps the socket and relays: the client's bytes go to the handler's standard
 * input, the handler's standard output goes back to the client. The handler, {@link HandlerMain}, runs the
 * echo protocol on its standard streams and never knows there is a network.
 *
 * <p>What the processes buy: a handler that crashes (try {@value EchoProtocol#CRASH_REQUEST}) takes down
 * only its own client. What they cost: a JVM start for every connection (50 to 100 ms for this small
 * handler on the course machine, more for a real one), and one process per connected client with no upper
 * bound (see {@link ProcessPool}).
 */
public final class ProcessPerClientServer extends ConcurrentEchoServer {

    /** How long handlers get to end after a polite request before they are killed. */
    static final Duration POLITE_STOP = Duration.ofSeconds(2);
    private static final Duration FORCED_STOP = Duration.ofSeconds(5);

    /** Every handler still running, with the client it serves. */
    private final Map<Process, Socket> handlers = new ConcurrentHashMap<>();

    /**
     * @throws IOException if no port can be bound
     */
    public ProcessPerClientServer() throws IOException {
        super();
    }

    /**
     * Starts a handler process for {@code client} and connects the two, then returns at once.
     *
     * <p>Contract:
     * <ul>
     *   <li>the handler is a new JVM running {@link HandlerMain}, started with a {@link ProcessBuilder} (build
     *       its command with {@link JavaCommand#forClass}); its standard error may go to this JVM's
     *       ({@code Redirect.INHERIT}). The server itself never speaks the protocol: it only relays;</li>
     *   <li>bytes are relayed both ways as they come, unchanged (they need not be text);</li>
     *   <li>when the client stops sending, the handler's standard input is closed, so its conversation ends;</li>
     *   <li>when the handler's output ends (it finished, or it crashed), the client's connection is closed,
     *       after the last byte has been passed on, so the client learns its conversation is over instead of
     *       waiting forever;</li>
     *   <li>the method does not wait for the conversation: the acceptor must go back to accepting;</li>
     *   <li>each running handler is remembered until it exits, for {@link #stopHandlers()}.</li>
     * </ul>
     *
     * @param client the accepted connection
     * @throws IOException if the handler process cannot be started
     */
    @Override
    protected void handle(Socket client) throws IOException {
        Process handler = new ProcessBuilder(JavaCommand.forClass(HandlerMain.class))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        handlers.put(handler, client);
        String name = "handler-" + handler.pid();
        Relay.start(name + "-in", client.getInputStream(), handler.getOutputStream(),
                () -> Sockets.closeQuietly(handler.getOutputStream()));
        Relay.start(name + "-out", handler.getInputStream(), client.getOutputStream(),
                () -> Sockets.closeQuietly(client));
        // Not "close the client on exit": the handler's last words may still be on their way through the
        // relay. The relay above closes the client once it has passed on everything the handler wrote.
        handler.onExit().thenRun(() -> handlers.remove(handler));
    }

    /**
     * Ends every handler that is still running and closes its client's connection.
     *
     * <p>Contract: ask every handler to end ({@link Process#destroy()}: SIGTERM on Unix), give them
     * together up to {@link #POLITE_STOP}, then kill the rest ({@link Process#destroyForcibly()}); close
     * every client connection; return only when every handler has really exited. A handler that is still
     * alive when this method returns is a leak.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    @Override
    protected void stopHandlers() throws InterruptedException {
        Map<Process, Socket> running = Map.copyOf(handlers);
        running.keySet().forEach(Process::destroy);
        long deadline = System.nanoTime() + POLITE_STOP.toNanos();
        for (Process handler : running.keySet()) {
            long left = deadline - System.nanoTime();
            if (!handler.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                handler.destroyForcibly();
            }
        }
        for (Process handler : running.keySet()) {
            if (!handler.waitFor(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("handler pid " + handler.pid() + " was still alive "
                        + FORCED_STOP.toSeconds() + " s after destroyForcibly()");
            }
        }
        running.values().forEach(Sockets::closeQuietly);
    }
}
