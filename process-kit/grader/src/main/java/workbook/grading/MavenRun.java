package workbook.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Maven build of a grading copy, run with the grading run's mark, a time limit and a bounded log.
 *
 * <p>Student code may print hundreds of megabytes: the log keeps the first {@link #LOG_LIMIT} bytes and
 * discards the rest while still draining the pipe, so the build never blocks on a full pipe and the
 * disk never fills. When the time limit passes, or the thread waiting for the build is interrupted (whoever
 * stops a grading must not leave its build running on to the limit), every marked process is killed, Maven
 * included.
 *
 * @param exitCode Maven's exit code, or -1 if it was killed at the time limit
 * @param timedOut whether the time limit ended the build
 * @param elapsed how long the build took
 * @param log the log file
 */
record MavenRun(int exitCode, boolean timedOut, Duration elapsed, Path log) {

    /** How much of a build's output is kept. */
    static final long LOG_LIMIT = 8L * 1024 * 1024;

    /**
     * Runs {@code ./mvnw -B ARGS} in {@code edition}.
     *
     * @param edition the grading copy
     * @param mark the run's mark, given to Maven and so to every process it starts
     * @param limit the time limit
     * @param log where the output goes
     * @param args Maven's arguments
     */
    static MavenRun run(Path edition, MarkedProcesses mark, Duration limit, Path log, List<String> args)
            throws IOException, InterruptedException {
        return run(List.of(), edition, mark, limit, log, args);
    }

    /**
     * Runs {@code PREFIX ./mvnw -B ARGS} in {@code edition}: the prefix is the sandbox's network namespace
     * ({@link Sandbox#mavenPrefix()}), or empty.
     */
    static MavenRun run(List<String> prefix, Path edition, MarkedProcesses mark, Duration limit, Path log, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("./mvnw", "-B"));
        command.addAll(args);
        command.addAll(extraArguments());
        ProcessBuilder builder = new ProcessBuilder(command).directory(edition.toFile()).redirectErrorStream(true);
        builder.environment().put(MarkedProcesses.VARIABLE, mark.value());
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("MAVEN_ARGS");
        long start = System.nanoTime();
        Process maven = builder.start();
        maven.getOutputStream().close();
        Thread pump = new Thread(() -> copyBounded(maven.getInputStream(), log, String.join(" ", command)), "maven-log");
        pump.setDaemon(true);
        pump.start();
        boolean finished;
        try {
            finished = maven.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killBuild(maven, mark);
            throw e;
        }
        if (!finished) {
            killBuild(maven, mark);
        }
        pump.join(TimeUnit.SECONDS.toMillis(30));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new MavenRun(finished ? maven.exitValue() : -1, !finished, elapsed, log);
    }

    /** Kills the run's marked processes and Maven, and waits (at most 30 s) until Maven is gone. */
    private static void killBuild(Process maven, MarkedProcesses mark) throws InterruptedException {
        mark.killAll(20);
        maven.destroyForcibly();
        maven.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * @return extra Maven arguments from {@code GRADE_MAVEN_ARGS}, such as {@code -o} for a machine whose
     *     local repository already holds everything
     */
    static List<String> extraArguments() {
        String extra = System.getenv().getOrDefault("GRADE_MAVEN_ARGS", "").strip();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    /**
     * @return the log's text (at most {@link #LOG_LIMIT} bytes of it), read leniently: bytes that are not
     *     UTF-8 (student code may write anything) become U+FFFD instead of failing the grading
     */
    String text() throws IOException {
        return Files.exists(log) ? lenient(Files.readAllBytes(log)) : "";
    }

    /** @return {@code bytes} decoded as UTF-8, with every malformed or unmappable sequence replaced */
    static String lenient(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8); // this constructor always replaces
    }

    private static void copyBounded(InputStream in, Path log, String header) {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        boolean truncated = false;
        try (in; OutputStream out = Files.newOutputStream(log)) {
            out.write(("$ " + header + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (written < LOG_LIMIT) {
                    int keep = (int) Math.min(n, LOG_LIMIT - written);
                    out.write(buffer, 0, keep);
                    written += keep;
                } else if (!truncated) {
                    truncated = true;
                    out.write(("\n[grader: output beyond " + LOG_LIMIT / (1024 * 1024)
                            + " MB discarded]\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // the build ended or its output cannot be stored; grading goes on from the results files
        }
    }
}
