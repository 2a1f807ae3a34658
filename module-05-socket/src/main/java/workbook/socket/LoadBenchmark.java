package workbook.socket;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the three concurrent servers on loopback and prints a table: connection latency (median and
 * 99th percentile) and requests per second, for 1, 10 and 50 clients at once. A benchmark, not a test;
 * it needs the exercises done (run it against the reference, see the module's README).
 *
 * <p>Each client repeats, until the measuring window closes: connect, send one request line, read the
 * reply, close. The latency of one round is the time from {@code connect} to the reply: for the
 * process-per-client server it includes starting a JVM, which is the point. The run is bounded: every
 * round has socket time-outs, and a cell stops waiting for late rounds after {@link #STRAGGLER_WAIT}.
 *
 * <pre>
 * java -cp module-05-socket/target/classes:process-kit/process-library/target/classes \
 *      workbook.socket.LoadBenchmark [seconds-per-cell] [pool-size]
 * </pre>
 */
public final class LoadBenchmark {

    private static final int[] CLIENTS = {1, 10, 50};
    private static final Duration STRAGGLER_WAIT = Duration.ofSeconds(60);
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;
    private static final byte[] REQUEST = "measure me, please\n".getBytes(StandardCharsets.US_ASCII);

    private LoadBenchmark() {
    }

    /** One server design under test: how to build it. */
    private interface ServerFactory {
        ConcurrentEchoServer create() throws IOException;
    }

    /** What one cell of the table measured. */
    private record Cell(int clients, long[] latenciesNanos, int errors, double seconds) {
        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }

        double requestsPerSecond() {
            return latenciesNanos.length / seconds;
        }
    }

    /**
     * @param args optional: seconds per cell (default 3), pool size (default 8)
     * @throws Exception if a server cannot be started
     */
    public static void main(String[] args) throws Exception {
        double window = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        int poolSize = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        if (window <= 0 || window > 60) {
            System.err.println("seconds per cell must be between 0 and 60, got " + window);
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "LoadBenchmark: %d cores, Java %s, %.1f s per cell, pool of %d workers, loopback only%n%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), window, poolSize);
        System.out.printf(Locale.ROOT, "%-20s %7s %11s %11s %11s %12s %7s%n",
                "server", "clients", "rounds", "median ms", "p99 ms", "requests/s", "errors");

        measure("thread-per-client", ThreadPerClientServer::new, window);
        measure("process-per-client", ProcessPerClientServer::new, window);
        measure("process pool (" + poolSize + ")", () -> new ProcessPool(poolSize), window);
    }

    private static void measure(String name, ServerFactory factory, double window) throws Exception {
        try (ConcurrentEchoServer server = factory.create()) {
            server.start();
            AtomicInteger probeErrors = new AtomicInteger();
            if (rounds(server.port(), System.nanoTime(), probeErrors, 1).length == 0) {
                System.out.printf("%-20s not measured: the server did not answer one request (are exercises 5.3 and 5.4 done?"
                        + " run the benchmark against the reference, see the README)%n", name);
                return;
            }
            run(server.port(), 1, Math.min(1.0, window)); // warm-up: class loading and JIT in both JVMs
            for (int clients : CLIENTS) {
                Cell cell = run(server.port(), clients, window);
                System.out.printf(Locale.ROOT, "%-20s %7d %11d %11.2f %11.2f %12.1f %7d%n", name, clients,
                        cell.latenciesNanos().length, cell.percentileMillis(50), cell.percentileMillis(99),
                        cell.requestsPerSecond(), cell.errors());
            }
        } catch (UnsupportedOperationException notDone) {
            System.out.printf("%-20s not measured: %s%n", name, notDone.getMessage());
        }
    }

    private static Cell run(int port, int clients, double window) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long stopAt = start + (long) (window * 1e9);
        List<Future<long[]>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            results.add(pool.submit(() -> rounds(port, stopAt, errors, Integer.MAX_VALUE)));
        }
        pool.shutdown();
        if (!pool.awaitTermination(STRAGGLER_WAIT.toMillis() + (long) (window * 1000), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            System.err.println("some clients were still waiting for replies " + STRAGGLER_WAIT.toSeconds() + " s after the window; their rounds are not counted");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = results.stream().filter(Future::isDone).flatMapToLong(f -> {
            try {
                return Arrays.stream(f.get());
            } catch (Exception e) {
                return Arrays.stream(new long[0]);
            }
        }).sorted().toArray();
        return new Cell(clients, all, errors.get(), seconds);
    }

    /**
     * One client: connect, one request, one reply, close; again until the window closes. At least one
     * round is made, at most {@code maxRounds}.
     */
    private static long[] rounds(int port, long stopAt, AtomicInteger errors, int maxRounds) {
        long[] latencies = new long[1024];
        int count = 0;
        int attempts = 0;
        byte[] reply = new byte[64];
        while (attempts++ < maxRounds && (attempts == 1 || System.nanoTime() < stopAt)) {
            long begin = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SOCKET_TIMEOUT_MILLIS);
                OutputStream out = socket.getOutputStream();
                out.write(REQUEST);
                out.flush();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                int length = 0;
                int next;
                while ((next = in.read()) != '\n') {
                    if (next == -1) {
                        throw new IOException("connection closed before the reply");
                    }
                    reply[length++ % reply.length] = (byte) next;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = System.nanoTime() - begin;
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
        return Arrays.copyOf(latencies, count);
    }
}
