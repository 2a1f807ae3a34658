package workbook.basics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import workbook.basics.children.Sleeper;
import workbook.process.JavaCommand;
import workbook.testsupport.OsProcesses;

/** What the module's tests need to run the child programs in {@code workbook.basics.children}. */
final class Children {

    private Children() {
    }

    /** @return the command that runs {@code mainClass} in a fresh JVM with the test class path */
    static List<String> java(Class<?> mainClass, String... args) {
        return JavaCommand.forClass(mainClass, args);
    }

    /** Starts a child whose output goes to files in {@code dir}: no pipe to fill, nothing to read. */
    static Process start(List<String> command, Path dir) throws IOException {
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    /** Runs a child to its end (at most 30 s) and returns its standard output, decoded as UTF-8. */
    static String outputOf(List<String> command, Path dir) throws IOException, InterruptedException {
        Process child = start(command, dir);
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("the child " + command + " did not finish within 30 s");
        }
        String stderr = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        if (child.exitValue() != 0) {
            throw new AssertionError("the child " + command + " failed with exit value " + child.exitValue() + ":\n" + stderr);
        }
        return Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    /**
     * Waits until the tree a {@link workbook.basics.children.TreeBuilder} grows below {@code root} is
     * complete: {@code descendants} processes, each leaf running {@link Sleeper}'s {@code main}. Counting
     * is not enough: a child the JDK 17 has just started is still {@code .../lib/jspawnhelper} (or a copy of
     * its parent) for a while, and a test that compares commands would race it.
     */
    static void awaitTree(Process root, int descendants, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!treeIsComplete(root, descendants)) {
            if (!root.isAlive() || System.nanoTime() >= deadline) {
                throw new AssertionError("the tree below child " + root.pid() + " did not grow to " + descendants
                        + " descendants, each leaf running Sleeper, within " + within.toSeconds() + " s; it has:\n  "
                        + root.descendants().map(Children::describe).collect(Collectors.joining("\n  ")));
            }
            Thread.sleep(20);
        }
    }

    private static boolean treeIsComplete(Process root, int descendants) {
        List<ProcessHandle> all = root.descendants().toList();
        return all.size() == descendants && all.stream()
                .filter(process -> process.children().findAny().isEmpty())
                .allMatch(leaf -> OsProcesses.runsMain(leaf, Sleeper.class.getName()));
    }

    private static String describe(ProcessHandle process) {
        List<String> args = List.of(process.info().arguments().orElse(new String[0]));
        return process.pid() + " (parent " + process.parent().map(ProcessHandle::pid).orElse(-1L) + "): "
                + process.info().command().orElse("?") + " ... "
                + String.join(" ", args.subList(Math.max(0, args.size() - 3), args.size()));
    }

    /**
     * Waits until a child JVM the test started runs the {@code main} of {@code mainClass}, so that its
     * command is {@code java} (no longer {@code jspawnhelper}) and its arguments are its own.
     */
    static void awaitMain(Process child, Class<?> mainClass) {
        OsProcesses.awaitRunningMain(child.toHandle(), mainClass.getName(), Duration.ofSeconds(20));
    }

    /** Ends a child the test started, if it still runs, and waits until it has gone. */
    static void end(Process child) throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("child " + child.pid() + " survived SIGKILL for 10 s");
            }
        }
    }

    /** Closes a {@link workbook.basics.children.Sleeper}'s standard input and waits for it to end. */
    static void release(Process sleeper, Duration within) throws IOException, InterruptedException {
        sleeper.getOutputStream().close();
        if (!sleeper.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child " + sleeper.pid() + " was still alive " + within.toSeconds()
                    + " s after its standard input was closed");
        }
    }
}
