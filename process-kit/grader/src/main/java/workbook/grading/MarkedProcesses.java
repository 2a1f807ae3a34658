package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Finds and ends every process of one grading run, including those that left the process tree.
 *
 * <p>A student's code may start a process that detaches ({@code setsid}, a double fork): its parent dies,
 * it is re-parented to init, and walking the descendants of Maven no longer finds it. What it cannot
 * easily shed is its environment: every process of a run inherits the variable {@value #VARIABLE} with a
 * value unique to the run. Linux shows a process's environment in {@code /proc/PID/environ}; macOS and
 * the BSDs in {@code ps -E}. A process that deliberately clears its environment escapes this net; the
 * README says so and recommends a container per submission for untrusted classes.
 */
final class MarkedProcesses {

    /** The environment variable that marks the processes of one grading run. */
    static final String VARIABLE = "WORKBOOK_GRADING_RUN";

    private final String value;

    private MarkedProcesses(String value) {
        this.value = value;
    }

    /** @return a fresh mark, unique to one run */
    static MarkedProcesses fresh() {
        return new MarkedProcesses(UUID.randomUUID().toString());
    }

    /** @return the value every process of the run carries in {@value #VARIABLE} */
    String value() {
        return value;
    }

    /** @return the pids of live processes that carry this run's mark */
    Set<Long> find() {
        Set<Long> marked = new TreeSet<>();
        long self = ProcessHandle.current().pid();
        if (Files.isDirectory(Path.of("/proc/self"))) {
            byte[] needle = (VARIABLE + "=" + value).getBytes(StandardCharsets.UTF_8);
            ProcessHandle.allProcesses().forEach(p -> {
                if (p.pid() != self && environContains(p.pid(), needle)) {
                    marked.add(p.pid());
                }
            });
        } else {
            marked.addAll(findWithPs(self));
        }
        return marked;
    }

    /**
     * Stops and kills every marked process, repeatedly, until a round finds none (a process may start a
     * replacement between two rounds) or {@code rounds} rounds have passed.
     *
     * @return the number of processes killed
     */
    int killAll(int rounds) {
        int killed = 0;
        for (int round = 0; round < rounds; round++) {
            Set<Long> pids = find();
            if (pids.isEmpty()) {
                return killed;
            }
            signal("-STOP", pids); // frozen processes cannot start replacements while we kill the rest
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            signal("-KILL", pids);
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(p -> {
                    try {
                        p.onExit().get(2, TimeUnit.SECONDS);
                    } catch (Exception stillThere) {
                        // the next round sees it again
                    }
                });
            }
            killed += pids.size();
        }
        return killed;
    }

    private static boolean environContains(long pid, byte[] needle) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | SecurityException notOurs) {
            return false;
        }
        outer:
        for (int start = 0; start + needle.length <= environ.length; start++) {
            if (start > 0 && environ[start - 1] != 0) {
                continue;
            }
            for (int i = 0; i < needle.length; i++) {
                if (environ[start + i] != needle[i]) {
                    continue outer;
                }
            }
            int end = start + needle.length;
            if (end == environ.length || environ[end] == 0) {
                return true;
            }
        }
        return false;
    }

    private List<Long> findWithPs(long self) {
        List<Long> pids = new ArrayList<>();
        String needle = VARIABLE + "=" + value;
        try {
            Process ps = new ProcessBuilder("ps", "-A", "-E", "-ww", "-o", "pid=", "-o", "command=")
                    .redirectErrorStream(true).start();
            ps.getOutputStream().close();
            for (String line : new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                int space = trimmed.indexOf(' ');
                if (space > 0 && (trimmed.contains(needle + " ") || trimmed.endsWith(needle))) {
                    try {
                        long pid = Long.parseLong(trimmed.substring(0, space));
                        if (pid != self) {
                            pids.add(pid);
                        }
                    } catch (NumberFormatException header) {
                        // not a process line
                    }
                }
            }
            ps.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list processes with 'ps -A -E' to end the grading run's leftovers", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pids;
    }

    private static void signal(String signal, Set<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // destroyForcibly() below still ends them; only the freeze is lost
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
