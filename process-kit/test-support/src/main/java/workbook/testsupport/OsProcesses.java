package workbook.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the operating system says about processes, read by the tests without the code under test: the
 * one home of {@code /proc/PID/stat} parsing, zombie detection, waiting for a process to be gone and
 * ending whatever a test left running.
 *
 * <p>Why the tests need more than {@link ProcessHandle}: a zombie (a process that has exited but whose
 * parent has not collected its exit status yet) is {@link ProcessHandle#isAlive() alive} for the JDK,
 * although it runs no code any more, and it never appears in {@link ProcessHandle#children()} of a
 * process that is not the test JVM's child. Only Linux shows the state, in {@code /proc/PID/stat}; on
 * other systems the methods fall back to what {@link ProcessHandle} says.
 *
 * <p>Why {@link #awaitRunningMain}: a child the JDK 17 starts is first a copy of its parent, then
 * {@code .../lib/jspawnhelper}, and only then the program asked for; a test that reads another process's
 * command or arguments must wait until that process runs its own {@code main}.
 */
public final class OsProcesses {

    /** True where {@code /proc} exists (Linux): only there are states, zombies and parents readable. */
    public static final boolean HAS_PROC = Files.isDirectory(Path.of("/proc/self"));

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private OsProcesses() {
    }

    /**
     * @return the fields of {@code /proc/PID/stat} after the command name: index 0 is the state letter,
     *         index 1 the parent pid; empty if there is no such process (or no {@code /proc})
     */
    private static Optional<String[]> statFields(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name, in parentheses, may itself hold spaces and parentheses: what follows the
            // last ')' is fixed.
            int afterName = line.lastIndexOf(')');
            if (afterName < 0 || afterName + 2 >= line.length()) {
                return Optional.empty();
            }
            return Optional.of(line.substring(afterName + 2).strip().split(" "));
        } catch (IOException | RuntimeException noSuchProcess) {
            return Optional.empty();
        }
    }

    /**
     * @return the state letter of {@code /proc/PID/stat} ({@code R}, {@code S}, {@code Z}, ...), or
     *         {@code '-'} if there is no such process (Linux only: always {@code '-'} elsewhere)
     */
    public static char state(long pid) {
        return statFields(pid).map(fields -> fields[0].charAt(0)).orElse('-');
    }

    /** @return the parent pid that {@code /proc/PID/stat} gives, zombies included; empty if gone */
    public static OptionalLong parentPid(long pid) {
        Optional<String[]> fields = statFields(pid);
        return fields.isPresent() ? OptionalLong.of(Long.parseLong(fields.get()[1])) : OptionalLong.empty();
    }

    /**
     * @return the pids whose parent is {@code pid}, zombies included (which {@link ProcessHandle#children()}
     *         leaves out), from a scan of {@code /proc}; empty where there is no {@code /proc}
     */
    public static List<Long> childrenOf(long pid) {
        if (!HAS_PROC) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(candidate -> parentPid(candidate).orElse(-1) == pid)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
    }

    /**
     * A zombie has exited but was not yet reaped by its parent; {@link ProcessHandle#isAlive()} still
     * says true for it.
     *
     * @return true if {@code /proc} shows {@code pid} in state {@code Z}; false elsewhere
     */
    public static boolean isZombie(long pid) {
        return state(pid) == 'Z';
    }

    /**
     * A process is gone when it no longer exists or is a zombie (or dead, {@code X}): in both cases it runs
     * no code any more.
     */
    public static boolean isGone(long pid) {
        if (HAS_PROC) {
            char state = state(pid);
            return state == '-' || state == 'Z' || state == 'X';
        }
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** @return true if {@code pid} is a process that still runs code: it exists and is not a zombie */
    public static boolean isRunning(long pid) {
        return !isGone(pid);
    }

    /**
     * Waits until a process is gone ({@link #isGone}), polling every millisecond.
     *
     * @param what names the process in the failure message, e.g. "the daemon child"
     * @return the {@link System#nanoTime()} at which it was first seen gone
     * @throws AssertionError if it still runs after {@code within}, or if the waiting thread is interrupted
     */
    public static long awaitGone(long pid, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!isGone(pid)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(what + " (pid " + pid + ") was still running " + within.toMillis() + " ms later");
            }
            pause(1);
        }
        return System.nanoTime();
    }

    /**
     * Waits until a process has ended <em>and been reaped</em>: no longer in the process table at all, not
     * even as a zombie ({@link ProcessHandle#onExit()} of a process that is not this JVM's child waits for
     * the same). Use it where the next step relies on the parent having noticed the end: a pool that reaps
     * its worker learns only then, through {@link Process#isAlive()}, that the worker is gone.
     *
     * @param what names the process in the failure message
     * @throws AssertionError if it is still there after {@code within}
     */
    public static void awaitReaped(long pid, Duration within, String what) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        try {
            handle.get().onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " (pid " + pid + ") was still there (running or not yet reaped) "
                    + within.toMillis() + " ms later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what + " (pid " + pid + ") to end", e);
        } catch (ExecutionException e) {
            throw new AssertionError("could not wait for " + what + " (pid " + pid + ") to end", e);
        }
    }

    /** @return the pids of this JVM's descendants that still run (zombies left out), in ascending order */
    public static List<Long> runningDescendants() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .filter(pid -> !isZombie(pid))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * Test clean-up: kills every descendant of this JVM and waits (up to 10 s each) for them to end, so that
     * one test's unfinished shutdown cannot fail the next test. Whether the code under test ends its
     * processes itself is checked by the tests written for that, not here.
     */
    public static void endAllDescendants() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().collect(Collectors.toList());
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception notYet) {
                // The leaked-process guard reports anything that survived.
            }
        }
    }

    /**
     * Ends a process a test made on purpose that may no longer be a descendant of this JVM (an orphan),
     * and waits until it is gone. Does nothing if it is gone already.
     */
    public static void end(long pid) {
        if (pid <= 0 || isGone(pid)) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone(pid, KILL_WAIT, "the process this test made and then killed");
    }

    /**
     * Waits until {@code process} runs the {@code main} of {@code mainClass}: its command is a
     * {@code java} launcher (no longer {@code jspawnhelper}, nor the copy of its parent that comes first)
     * and its arguments name the class. Use it before reading the command or arguments of a JVM a test
     * started, or before expecting it to have started children.
     *
     * @return {@code process}
     * @throws AssertionError if that state is not reached within {@code within}, or the process ends first
     */
    public static ProcessHandle awaitRunningMain(ProcessHandle process, String mainClass, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!runsMain(process, mainClass)) {
            if (!process.isAlive() || System.nanoTime() >= deadline) {
                throw new AssertionError("process " + process.pid() + " did not come to run " + mainClass
                        + " within " + within.toMillis() + " ms (alive: " + process.isAlive() + ", command: "
                        + process.info().command().orElse("?") + ")");
            }
            pause(5);
        }
        return process;
    }

    /** @return true if {@code process} is a {@code java} launcher whose arguments name {@code mainClass} */
    public static boolean runsMain(ProcessHandle process, String mainClass) {
        ProcessHandle.Info info = process.info();
        String command = info.command().orElse("");
        boolean java = command.endsWith("/java") || command.endsWith("\\java.exe") || command.equals("java");
        return java && arguments(process).contains(mainClass);
    }

    /**
     * @return the command line of {@code process}, program first. On Linux it is read from
     *         {@code /proc/PID/cmdline} in full: the JDK's {@link ProcessHandle.Info#arguments()} there reads
     *         only the first page (4 KiB), and a JVM's class path alone can be longer.
     */
    private static List<String> arguments(ProcessHandle process) {
        if (HAS_PROC) {
            try {
                String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                        java.nio.charset.StandardCharsets.UTF_8);
                return Arrays.asList(cmdline.split("\0"));
            } catch (IOException | RuntimeException gone) {
                return List.of();
            }
        }
        return Arrays.asList(process.info().arguments().orElse(new String[0]));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a process", e);
        }
    }
}
