package workbook.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import workbook.daemon.children.ChildStarter;
import workbook.process.JavaCommand;
import workbook.testsupport.OsProcesses;

/**
 * A running {@link ChildStarter}: an intermediate parent JVM started by a test, with the pid of the child
 * it started. {@link #close()} ends both, wherever the child is now in the process tree.
 */
final class ParentJvm implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(40);

    private final Process process;
    private final Path errors;
    private final long childPid;

    private ParentJvm(Process process, Path errors, long childPid) {
        this.process = process;
        this.errors = errors;
        this.childPid = childPid;
    }

    /**
     * Starts a {@code ChildStarter} and waits until its child is running.
     *
     * @param kind {@code daemon} or {@code plain}
     * @param ending {@code return} or {@code wait}
     * @param dir a temporary folder for the ready file and the parent's standard error
     */
    static ParentJvm start(String kind, String ending, Path dir) throws Exception {
        Path errors = dir.resolve("parent-" + kind + "-" + ending + ".err");
        Path ready = dir.resolve("child-" + kind + "-" + ending + ".ready");
        List<String> command = JavaCommand.forClass(ChildStarter.class, kind, ending, ready.toString());
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> readLine(out)).get(READY_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null || !line.startsWith("child ")) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            if (Files.exists(ready)) {
                OsProcesses.end(Long.parseLong(Files.readString(ready).strip()));
            }
            throw new AssertionError("the parent JVM (ChildStarter " + kind + " " + ending + ") did not report a running"
                    + " child within " + READY_WITHIN.toSeconds() + " s; it said: " + line + "\n" + Files.readString(errors));
        }
        return new ParentJvm(process, errors, Long.parseLong(line.substring("child ".length()).strip()));
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    long pid() {
        return process.pid();
    }

    long childPid() {
        return childPid;
    }

    Process process() {
        return process;
    }

    /** Waits for the parent JVM to end by itself; fails if it does not within {@code within}. */
    void awaitEnd(Duration within) throws Exception {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the parent JVM (pid " + pid() + ") was still running " + within.toSeconds()
                    + " s after it should have ended");
        }
    }

    /** What the parent wrote to standard error, for failure messages. */
    String errors() {
        try {
            return Files.readString(errors);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /** Ends the parent and the child, and checks that both are gone. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the parent JVM (pid " + pid() + ") survived destroyForcibly() for 10 s");
            }
        }
        OsProcesses.end(childPid);
    }
}
