package workbook.basics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A process handle whose answers the test writes. Two uses:
 * <ul>
 *   <li>{@link #silent(long)}: the operating system tells nothing but the pid (no parent, no children, no
 *       command, no start time). Real systems do this for processes of other users, for pid 1's parent, or on
 *       platforms that keep such facts to themselves; the contracts of 1.3 and 1.8 say what to return then,
 *       and only a handle like this one lets a test reach those clauses for sure.</li>
 *   <li>{@link #child(long, String)}: a tree whose children come in the order they were added, which is
 *       whatever order a test needs (the order an operating system lists children in is not specified, and
 *       real pids are usually already ascending, which hides a missing sort).</li>
 * </ul>
 * Only what {@link ProcessIdentity} and {@link ProcessTree} read is answered: pid, parent, children,
 * descendants and the command; the rest of {@link Info} is always unknown.
 */
final class ScriptedHandle implements ProcessHandle {
    private final long pid;
    private final ProcessHandle parent;
    private final String command;
    private final List<ScriptedHandle> children = new ArrayList<>();

    /**
     * @param parent the parent, or null when the system reports none
     * @param command the command, or null when the system reports none
     */
    ScriptedHandle(long pid, ProcessHandle parent, String command) {
        this.pid = pid;
        this.parent = parent;
        this.command = command;
    }

    /** A handle about which the system reports nothing but its pid. */
    static ScriptedHandle silent(long pid) {
        return new ScriptedHandle(pid, null, null);
    }

    /** Adds a child, listed after the children added before it. */
    ScriptedHandle child(long childPid, String childCommand) {
        ScriptedHandle child = new ScriptedHandle(childPid, this, childCommand);
        children.add(child);
        return child;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Optional<ProcessHandle> parent() {
        return Optional.ofNullable(parent);
    }

    @Override
    public Stream<ProcessHandle> children() {
        return children.stream().map(ProcessHandle.class::cast);
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return children.stream().flatMap(child -> Stream.concat(Stream.of(child), child.descendants()));
    }

    @Override
    public Info info() {
        return new Info() {
            @Override
            public Optional<String> command() {
                return Optional.ofNullable(command);
            }

            @Override
            public Optional<String> commandLine() {
                return Optional.ofNullable(command);
            }

            @Override
            public Optional<String[]> arguments() {
                return Optional.empty();
            }

            @Override
            public Optional<Instant> startInstant() {
                return Optional.empty();
            }

            @Override
            public Optional<Duration> totalCpuDuration() {
                return Optional.empty();
            }

            @Override
            public Optional<String> user() {
                return Optional.empty();
            }
        };
    }

    @Override
    public CompletableFuture<ProcessHandle> onExit() {
        return new CompletableFuture<>();
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    @Override
    public boolean destroy() {
        return false;
    }

    @Override
    public boolean destroyForcibly() {
        return false;
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public int compareTo(ProcessHandle other) {
        return Long.compare(pid, other.pid());
    }
}
