package workbook.socket;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Serves clients with a fixed number of pre-started worker processes, each reused for client after
 * client: the answer to the source lesson's closing question ("ten thousand clients, ten thousand
 * processes?").
 *
 * <p>The pool bounds the number of live handler processes: with {@code size} workers, at most
 * {@code size} clients are in conversation at once. The next ones are accepted and wait for a worker to
 * become free; none is refused or dropped. And a client no longer pays for a JVM start: the workers were
 * started once, when the pool was built.
 *
 * <p>Like {@link ProcessPerClientServer}, the pool relays bytes, here between the client and the port of
 * the chosen worker ({@link WorkerMain}).
 */
public final class ProcessPool extends ConcurrentEchoServer {

    /** The largest pool this class accepts: far more workers than cores only adds memory and switching. */
    public static final int MAX_SIZE = 64;

    /** How long workers get to end after a polite request before they are killed. */
    static final Duration POLITE_STOP = Duration.ofSeconds(2);
    private static final Duration FORCED_STOP = Duration.ofSeconds(5);

    private final int size;
    /** Every live worker, idle or busy. Guarded by {@code this}. */
    private final List<Worker> workers = new ArrayList<>();
    /** The workers waiting for a client. */
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();

    /**
     * Starts {@code size} workers and waits until all of them listen; call {@link #start()} to begin
     * accepting clients.
     *
     * @param size how many worker processes, from 1 to {@value #MAX_SIZE}
     * @throws IllegalArgumentException if {@code size} is out of range
     * @throws IOException if no port can be bound or a worker cannot be started
     */
    public ProcessPool(int size) throws IOException {
        this(Worker.startAll(requireValidSize(size)));
    }

    private ProcessPool(List<Worker> started) throws IOException {
        super();
        this.size = started.size();
        workers.addAll(started);
        idle.addAll(started);
    }

    private static int requireValidSize(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a pool needs between 1 and " + MAX_SIZE + " workers, got " + size
                    + "; a few per core is plenty, since each worker serves one client at a time");
        }
        return size;
    }

    /** @return how many workers the pool keeps */
    public int size() {
        return size;
    }

    /** @return a snapshot of the live workers, idle and busy */
    public synchronized List<Worker> workers() {
        return List.copyOf(workers);
    }

    /**
     * Waits until a worker is idle and takes it out of the idle queue: from then on it counts as busy.
     * Given code; {@link #handle} starts with it.
     *
     * @return a worker that nobody else will be given until it is put back in {@code idle}
     * @throws InterruptedException if the pool is closed (or the thread interrupted) while waiting
     */
    Worker takeIdleWorker() throws InterruptedException {
        return idle.take();
    }

    /**
     * Starts a worker to take the place of one that died. Given code.
     *
     * @param dead the worker that exited (or is exiting)
     * @return the new, ready worker; empty if the pool is closing, when nothing new may start
     * @throws IOException if the new worker cannot be started
     */
    private synchronized Optional<Worker> replace(Worker dead) throws IOException {
        workers.remove(dead);
        dead.process().destroyForcibly();
        if (closing()) {
            return Optional.empty();
        }
        Worker fresh = Worker.start();
        workers.add(fresh);
        return Optional.of(fresh);
    }

    /**
     * Hands {@code client} to an idle worker and returns; waits first while every worker is busy.
     *
     * <p>Contract:
     * <ul>
     *   <li>take an idle worker ({@link #takeIdleWorker()}); while there is none, it waits (this is the bound
     *       on live handlers: the next clients stay queued, none is refused);</li>
     *   <li>connect to the worker's port on {@code 127.0.0.1} and relay bytes both ways (see {@link Relay});
     *       when the client stops sending, half-close the worker connection
     *       ({@link Sockets#shutdownOutputQuietly}) so the worker's conversation ends;</li>
     *   <li>when the worker's side ends, close the client and the worker connection, and give the worker back
     *       to the idle ones, so the next client reuses it (no new process per client);</li>
     *   <li>a worker that died (a client sent {@value EchoProtocol#CRASH_REQUEST}) is not given back: it is
     *       replaced by a new one ({@link #replace}), so the pool keeps its size. A dead worker refuses
     *       connections; a worker whose port refuses is replaced too, and the client gets another.</li>
     * </ul>
     *
     * @param client the accepted connection
     * @throws IOException if no worker can be reached or started
     * @throws InterruptedException if the pool is closed while the client waits for a worker
     */
    @Override
    protected void handle(Socket client) throws IOException, InterruptedException {
        Worker worker = takeIdleWorker();
        Optional<Socket> connection;
        while ((connection = connectTo(worker)).isEmpty()) {
            // The worker died after its last conversation (a crash): a new one takes its place.
            worker = replace(worker).orElseThrow(() -> new IOException("the pool is closing"));
        }
        Worker chosen = worker;
        Socket toWorker = connection.get();
        String name = "pool-worker-" + chosen.pid();
        Relay.start(name + "-in", client.getInputStream(), toWorker.getOutputStream(),
                () -> Sockets.shutdownOutputQuietly(toWorker));
        Relay.start(name + "-out", toWorker.getInputStream(), client.getOutputStream(), () -> {
            Sockets.closeQuietly(client);
            Sockets.closeQuietly(toWorker);
            giveBack(chosen);
        });
    }

    /** @return a connection to the worker's port; empty if it refuses, which means the worker has died */
    private static Optional<Socket> connectTo(Worker worker) throws IOException {
        try {
            return Optional.of(new Socket(InetAddress.getLoopbackAddress(), worker.port()));
        } catch (ConnectException refused) {
            return Optional.empty();
        }
    }

    /** Returns a worker to the idle ones after a conversation, or a replacement if it died. */
    private void giveBack(Worker worker) {
        try {
            if (worker.isAlive()) {
                idle.add(worker);
            } else {
                replace(worker).ifPresent(idle::add);
            }
        } catch (IOException e) {
            System.err.println("ProcessPool: could not replace " + worker + ": " + e);
        }
    }

    /**
     * Ends every worker, idle or busy.
     *
     * <p>Contract: ask every live worker ({@link #workers()}) to end ({@link Process#destroy()}), give them
     * together up to {@link #POLITE_STOP}, kill the ones still running ({@link Process#destroyForcibly()}),
     * and return only when every worker has really exited ({@code isAlive()} right after {@code destroy()}
     * still says true for a while). Forget the idle ones, so that nobody hands a client to a dead worker.
     * Ending a worker ends its connection, so the relays close the clients by themselves.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    @Override
    protected void stopHandlers() throws InterruptedException {
        List<Worker> all = workers();
        idle.clear();
        all.forEach(w -> w.process().destroy());
        long deadline = System.nanoTime() + POLITE_STOP.toNanos();
        for (Worker worker : all) {
            long left = deadline - System.nanoTime();
            if (!worker.process().waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                worker.process().destroyForcibly();
            }
        }
        for (Worker worker : all) {
            if (!worker.process().waitFor(FORCED_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(worker + " was still alive " + FORCED_STOP.toSeconds()
                        + " s after destroyForcibly()");
            }
        }
    }
}
