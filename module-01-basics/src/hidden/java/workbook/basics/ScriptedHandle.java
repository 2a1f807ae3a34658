package workbook.basics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A process handle whose tree the test writes: its children come in the order they were added, which
 * is whatever order a test needs (the order an operating system lists children in is not specified,
 * and real pids are usually already ascending, which hides a missing sort). Only what
 * {@link ProcessTree} reads is answered: pid, parent, children, descendants and the command.
 */
final class ScriptedHandle implements ProcessHandle {
    private final long pid;
    private final ProcessHandle parent;
    private final String command;
    private final List<ScriptedHandle> children = new ArrayList<>();

    ScriptedHandle(long pid, ProcessHandle parent, String command) {
        this.pid = pid;
        this.parent = parent;
        this.command = command;
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
        SilentHandle silent = new SilentHandle(pid);
        Info unknown = silent.info();
        return new Info() {
            @Override
            public Optional<String> command() {
                return Optional.of(command);
            }

            @Override
            public Optional<String> commandLine() {
                return Optional.of(command);
            }

            @Override
            public Optional<String[]> arguments() {
                return unknown.arguments();
            }

            @Override
            public Optional<Instant> startInstant() {
                return unknown.startInstant();
            }

            @Override
            public Optional<Duration> totalCpuDuration() {
                return unknown.totalCpuDuration();
            }

            @Override
            public Optional<String> user() {
                return unknown.user();
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
