package workbook.testsupport;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves processes behind, and ends them.
 *
 * <p>Before each test (and each test class) it notes the descendants of the test JVM; afterwards it
 * compares. A process that is still exiting gets a moment to finish; a zombie (already dead, waiting to
 * be reaped) is not counted. Whatever is left is killed, deepest first so that no parent can start a
 * replacement, and the test fails with the commands that leaked. It is registered for every test by
 * JUnit's extension auto-detection, which the build switches on.
 *
 * <p>An orphan (a child whose parent already exited) leaves the tree and is invisible here; the test
 * that makes one on purpose must end it itself.
 */
public final class LeakedProcessGuard implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** How long a process the test has already asked to end gets to go before it counts as leaked. */
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakedProcessGuard.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, "test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context, "test class");
    }

    private static void remember(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getUniqueId(), liveDescendants());
    }

    private static void check(ExtensionContext context, String what) {
        @SuppressWarnings("unchecked")
        Set<ProcessHandle> before = (Set<ProcessHandle>) context.getStore(NAMESPACE).remove(context.getUniqueId());
        if (before == null) {
            return;
        }
        List<ProcessHandle> leaked = newLiveDescendants(before, GRACE);
        if (leaked.isEmpty()) {
            return;
        }
        String commands = leaked.stream().map(LeakedProcessGuard::describe).collect(Collectors.joining("\n  "));
        killDeepestFirst(leaked);
        throw new AssertionError("the " + what + " left " + leaked.size() + " process(es) running; they have now been killed:\n  "
                + commands + "\nJoin or terminate every process you start (and wait for it to end) before the test finishes.");
    }

    /**
     * Waits up to {@code grace} for descendants that were not in {@code before} to end.
     *
     * @return those still alive then, deepest first
     */
    static List<ProcessHandle> newLiveDescendants(Set<ProcessHandle> before, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            List<ProcessHandle> fresh = liveDescendants().stream()
                    .filter(p -> !before.contains(p))
                    .sorted(Comparator.comparingInt(LeakedProcessGuard::depth).reversed())
                    .collect(Collectors.toList());
            if (fresh.isEmpty() || System.nanoTime() >= deadline) {
                return fresh;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fresh;
            }
        }
    }

    /** @return the descendants of this JVM that are alive and not zombies */
    static Set<ProcessHandle> liveDescendants() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> !OsProcesses.isZombie(p.pid()))
                .collect(Collectors.toSet());
    }

    static void killDeepestFirst(List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            process.destroyForcibly();
        }
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(KILL_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception notYet) {
                // Reported above already; a process that survives SIGKILL for seconds is not ours to fix.
            }
        }
    }

    private static int depth(ProcessHandle process) {
        int depth = 0;
        for (ProcessHandle p = process; p.parent().isPresent() && depth < 64; p = p.parent().get()) {
            depth++;
        }
        return depth;
    }

    /**
     * Names a process for the failure message: the program and its arguments, and for a JVM the main
     * class and its arguments rather than a class path hundreds of characters long.
     */
    static String describe(ProcessHandle process) {
        String command = process.info().command().orElse("?");
        List<String> args = List.of(process.info().arguments().orElse(new String[0]));
        if (command.endsWith("java") || command.endsWith("java.exe")) {
            int i = 0;
            while (i < args.size() && args.get(i).startsWith("-")) {
                boolean takesValue = args.get(i).equals("-cp") || args.get(i).equals("-classpath")
                        || args.get(i).equals("--class-path");
                i += takesValue ? 2 : 1;
            }
            args = args.subList(Math.min(i, args.size()), args.size());
        }
        String text = "pid " + process.pid() + ": " + command + (args.isEmpty() ? "" : " " + String.join(" ", args));
        return text.length() > 240 ? text.substring(0, 240) + "..." : text;
    }
}
