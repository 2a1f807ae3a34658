package workbook.isolation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Watches the descendants of a process from a thread of its own and, as soon as a new one runs
 * {@code java}, freezes it (SIGSTOP) or kills it (SIGKILL): the way a test makes the student's child fail, or
 * keeps it running for as long as the test needs, without any help from the student's code.
 *
 * <p>It waits for the child to run a JVM of its own: on JDK 17 a child starts as a copy of its parent, then
 * runs {@code .../lib/jspawnhelper}, and a parent whose spawning child is stopped or killed is still inside
 * {@code ProcessBuilder.start()}, which would test something else. A JVM needs far longer to start
 * than the 2 ms between two looks, so every child is caught before it has run any of its own code.
 *
 * <p>Unix only (SIGSTOP is sent with {@code kill -STOP}). {@link #close()} kills whatever it froze.
 */
final class NewDescendants implements AutoCloseable {

    private final ProcessHandle root;
    private final Predicate<ProcessHandle> which;
    private final boolean freeze;
    private final int most;
    private final Set<Long> ignored = new HashSet<>();
    private final List<ProcessHandle> caught = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean stopped;

    private NewDescendants(ProcessHandle root, Predicate<ProcessHandle> which, boolean freeze, int most) {
        this.root = root;
        this.which = which;
        this.freeze = freeze;
        this.most = most;
        root.descendants().forEach(p -> ignored.add(p.pid())); // only the ones that appear from now on
        watcher = new Thread(this::watch, (freeze ? "freeze" : "kill") + "-new-descendants-of-" + root.pid());
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Freezes every new descendant of this JVM (up to {@code most}) as soon as it runs java. */
    static NewDescendants freezeChildren(int most) {
        return new NewDescendants(ProcessHandle.current(), p -> true, true, most);
    }

    /** Kills every new descendant of this JVM (up to {@code most}) as soon as it runs java. */
    static NewDescendants killChildren(int most) {
        return new NewDescendants(ProcessHandle.current(), p -> true, false, most);
    }

    /**
     * Kills the first {@code most} new grandchildren of this JVM (children of the programs a test runs)
     * as soon as they run java.
     */
    static NewDescendants killGrandchildren(int most) {
        long self = ProcessHandle.current().pid();
        return new NewDescendants(ProcessHandle.current(),
                p -> p.parent().map(parent -> parent.pid() != self).orElse(false), false, most);
    }

    /** @return the processes caught so far (frozen or killed), in order */
    synchronized List<ProcessHandle> caught() {
        return List.copyOf(caught);
    }

    private void watch() {
        while (!stopped && caught().size() < most) {
            root.descendants().filter(p -> !ignored.contains(p.pid())).filter(NewDescendants::runsJava)
                    .filter(which).limit(most - caught().size()).forEach(this::act);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * @return true once {@code process} runs a JVM of its own: its executable is {@code java} and its command line is
     *         not its parent's. A child being spawned is for a moment a copy of its parent (a vfork), with the
     *         parent's executable and command line, before it executes {@code jspawnhelper} and then {@code java}; a
     *         signal then would fail the parent's {@code ProcessBuilder.start()}.
     */
    private static boolean runsJava(ProcessHandle process) {
        Optional<String> commandLine = process.info().commandLine();
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false)
                && commandLine.isPresent()
                && !commandLine.equals(process.parent().flatMap(parent -> parent.info().commandLine()));
    }

    private void act(ProcessHandle process) {
        ignored.add(process.pid());
        if (!freeze) {
            process.destroyForcibly();
        } else {
            try {
                Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).start();
                ignored.add(stop.pid()); // a child of this JVM too, and not one to freeze
                stop.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new IllegalStateException("cannot run kill -STOP " + process.pid(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        synchronized (this) {
            caught.add(process);
        }
    }

    /** Stops watching and kills every process it froze (SIGKILL ends a stopped process too), waiting for each. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        watcher.interrupt();
        watcher.join(10_000);
        for (ProcessHandle process : caught()) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // The leaked-process guard reports anything that survived.
            }
        }
    }
}
