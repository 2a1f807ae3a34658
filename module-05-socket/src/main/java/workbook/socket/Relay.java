package workbook.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Copies bytes from one stream to another as they arrive: the heart of a server that cannot hand a
 * socket to a child process. Given code.
 *
 * <p>Python's {@code multiprocessing} can pass an accepted socket to a child (it duplicates the file
 * descriptor). The JDK cannot: a child inherits only standard input, output and error. So a Java server
 * that wants a process per client keeps the socket itself and <em>relays</em>: client bytes to the
 * handler's standard input, the handler's standard output back to the client (the design of Unix's
 * {@code inetd}).
 *
 * <p>Why not {@code in.transferTo(out)}? It writes into {@code out} but never flushes it, and the
 * standard input of a {@link Process} is a buffered stream: a short request stays in the buffer, the
 * handler never sees it, and the client waits forever. This loop flushes after every read.
 */
public final class Relay {

    private static final int BUFFER_SIZE = 8192;

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "relay-idle");
        thread.setDaemon(true);
        return thread;
    });

    private Relay() {
    }

    /**
     * Copies until {@code from} ends, flushing after every chunk.
     *
     * @param from the source; read until end of stream
     * @param to the destination; flushed after each write, not closed
     * @return how many bytes were copied
     * @throws IOException if either side fails (typically: the other end went away)
     */
    public static long copy(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int n;
        while ((n = from.read(buffer)) != -1) {
            to.write(buffer, 0, n);
            to.flush();
            total += n;
        }
        return total;
    }

    /**
     * Copies {@code from} to {@code to} on a background thread and then runs {@code whenDone}, whether the
     * copy ended normally (end of stream) or with an error. The error is not reported: on a relay it only
     * means that one side went away, which {@code whenDone} deals with. Returns at once.
     *
     * <p>The threads are daemon threads, kept for a minute after use and reused: a busy server relays many
     * short conversations, and starting two threads for each would show in its latency.
     *
     * @param name what the thread does, for thread dumps (say which client and which direction)
     * @param from the source
     * @param to the destination
     * @param whenDone what to do when the copy has ended, such as closing the other side
     */
    public static void start(String name, InputStream from, OutputStream to, Runnable whenDone) {
        THREADS.execute(() -> {
            Thread self = Thread.currentThread();
            String idleName = self.getName();
            self.setName(name);
            try {
                copy(from, to);
            } catch (IOException oneSideWentAway) {
                // Nothing to report: whenDone ends the other side too.
            } finally {
                self.setName(idleName);
                whenDone.run();
            }
        });
    }
}
