package workbook.socket;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves each client on a thread of its own, inside the server's JVM: the cheap design that the process
 * servers are measured against (see {@link LoadBenchmark}). Given code, not an exercise.
 *
 * <p>Threads start in microseconds and share everything, which is also the weakness: a handler that
 * corrupts memory, exhausts the heap or calls {@code System.exit} takes every other client down with it.
 * {@value EchoProtocol#CRASH_REQUEST} can only throw here ({@link EchoProtocol#inSharedProcess()}).
 */
public final class ThreadPerClientServer extends ConcurrentEchoServer {

    private static final long THREAD_STOP_MILLIS = 2000;

    private final EchoProtocol protocol = EchoProtocol.inSharedProcess();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();

    /**
     * @throws IOException if no port can be bound
     */
    public ThreadPerClientServer() throws IOException {
        super();
    }

    @Override
    protected void handle(Socket client) {
        clients.add(client);
        Thread handler = new Thread(() -> converse(client), "handler-" + client.getRemoteSocketAddress());
        handler.setDaemon(true);
        handlers.add(handler);
        handler.start();
    }

    private void converse(Socket client) {
        try (client) {
            protocol.serve(client.getInputStream(), client.getOutputStream());
        } catch (IOException | HandlerCrash e) {
            // This client's conversation is over; the others are not affected.
        } finally {
            clients.remove(client);
            handlers.remove(Thread.currentThread());
        }
    }

    @Override
    protected void stopHandlers() throws InterruptedException {
        clients.forEach(Sockets::closeQuietly);
        for (Thread handler : List.copyOf(handlers)) {
            handler.join(THREAD_STOP_MILLIS);
        }
    }
}
