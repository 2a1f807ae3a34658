package workbook.socket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import workbook.process.JavaCommand;

/**
 * The parent's view of one pre-started worker process of a {@link ProcessPool}: its process and the
 * port it listens on. Given code.
 */
public final class Worker {

    /** How long a worker JVM may take to report that it is ready (generous: two cores may be busy). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private Worker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts one worker and waits until it listens.
     *
     * @return the ready worker
     * @throws IOException if the worker JVM cannot be started or never reports its port
     */
    public static Worker start() throws IOException {
        return startAll(1).get(0);
    }

    /**
     * Starts {@code count} workers side by side (their JVM start-ups overlap) and waits until each listens.
     *
     * @param count how many
     * @return the ready workers
     * @throws IOException if a worker cannot be started or never reports its port; the others are ended
     */
    public static List<Worker> startAll(int count) throws IOException {
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                processes.add(new ProcessBuilder(JavaCommand.forClass(WorkerMain.class))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            }
            List<Worker> workers = new ArrayList<>();
            for (Process process : processes) {
                workers.add(new Worker(process, awaitPort(process)));
            }
            return workers;
        } catch (IOException | RuntimeException e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
    }

    private static int awaitPort(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String line;
        try {
            line = firstLine.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("worker pid " + process.pid() + " did not report its port within " + START_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for worker pid " + process.pid() + " to start", e);
        } catch (ExecutionException e) {
            throw new IOException("could not read the first line of worker pid " + process.pid(), e.getCause());
        }
        if (line == null || !line.startsWith(WorkerMain.READY)) {
            throw new IOException("worker pid " + process.pid() + " should have printed '" + WorkerMain.READY
                    + "<port>' first, but printed " + (line == null ? "nothing (it exited?)" : "'" + line + "'"));
        }
        return Integer.parseInt(line.substring(WorkerMain.READY.length()).trim());
    }

    /** @return the worker's process: for its pid, to wait for it, or to end it */
    public Process process() {
        return process;
    }

    /** @return the worker's process id */
    public long pid() {
        return process.pid();
    }

    /** @return the port the worker listens on, on {@code 127.0.0.1} */
    public int port() {
        return port;
    }

    /** @return true while the worker process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String toString() {
        return "worker pid " + pid() + " on port " + port + (isAlive() ? "" : " (exited)");
    }
}
