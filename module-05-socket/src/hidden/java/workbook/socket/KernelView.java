package workbook.socket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What Linux shows of a connection and a process, for tests that must know where the bytes are: how many
 * a TCP socket holds in its queues ({@code /proc/net/tcp}), and how many bytes a process has written
 * ({@code /proc/PID/io}).
 */
final class KernelView {

    private KernelView() {
    }

    /**
     * @return the bytes held by the TCP socket from {@code localPort} to {@code remotePort} on this machine: not yet
     *         acknowledged by the peer (sent or waiting to be) plus received and not yet read; empty if not found
     */
    static OptionalLong queued(int localPort, int remotePort) throws IOException {
        String local = String.format(":%04X", localPort);
        String remote = String.format(":%04X", remotePort);
        for (String[] fields : tcpSockets()) {
            if (fields.length > 4 && fields[1].endsWith(local) && fields[2].endsWith(remote)) {
                String[] queues = fields[4].split(":");
                return OptionalLong.of(Long.parseLong(queues[0], 16) + Long.parseLong(queues[1], 16));
            }
        }
        return OptionalLong.empty();
    }

    /** @return how many bytes process {@code pid} has written with write calls so far; empty if Linux does not say */
    static OptionalLong bytesWritten(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("wchar:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).trim()));
                }
            }
        } catch (IOException | RuntimeException notLinuxOrGone) {
            // empty below
        }
        return OptionalLong.empty();
    }

    /** TCP states of {@code /proc/net/tcp}: the peer has been sent a FIN (FIN_WAIT1, FIN_WAIT2). */
    private static final List<String> FIN_SENT = List.of("04", "05");

    /** @return true if a TCP socket of this machine connected to {@code remotePort} has sent its FIN (half-closed or closed) */
    static boolean finSentTo(int remotePort) throws IOException {
        String remote = String.format(":%04X", remotePort);
        for (String[] fields : tcpSockets()) {
            if (fields.length > 3 && fields[2].endsWith(remote) && FIN_SENT.contains(fields[3])) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return every TCP socket of this machine (IPv4 and IPv6), as the fields of its line in {@code /proc/net/tcp}:
     *         {@code sl local_address rem_address st tx_queue:rx_queue ...}, addresses as {@code HEXADDR:HEXPORT}
     */
    private static List<String[]> tcpSockets() throws IOException {
        List<String[]> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                for (String line : Files.readAllLines(file)) {
                    sockets.add(line.trim().split("\\s+"));
                }
            }
        }
        return sockets;
    }

    /** @return true if signal {@code signal} is pending for process {@code pid} (thread or process wide) */
    static boolean signalPending(long pid, int signal) {
        try {
            long bit = 1L << (signal - 1);
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("SigPnd:") || line.startsWith("ShdPnd:")) {
                    if ((Long.parseUnsignedLong(line.substring(7).trim(), 16) & bit) != 0) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException notLinuxOrGone) {
            // not pending, as far as anyone can tell
        }
        return false;
    }

    /** Resumes a process stopped with SIGSTOP. */
    static void thaw(long pid) throws Exception {
        Process resume = new ProcessBuilder("kill", "-CONT", Long.toString(pid)).start();
        if (!resume.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || resume.exitValue() != 0) {
            resume.destroyForcibly();
            throw new AssertionError("kill -CONT " + pid + " did not succeed within 10 s");
        }
    }

    /**
     * Waits until every thread of process {@code pid} is stopped (state T in {@code /proc/PID/task/TID/stat}). A
     * {@code kill -STOP} returns before the stop has taken effect; a signal sent meanwhile may still be handled.
     *
     * @throws AssertionError if the process was not stopped within {@code bound}
     */
    static void awaitStopped(long pid, java.time.Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        while (true) {
            boolean allStopped = true;
            try (var threads = Files.list(tasks)) {
                for (Path task : threads.toList()) {
                    String stat = Files.readString(task.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    allStopped &= state == 'T' || state == 't';
                }
            } catch (IOException threadGone) {
                allStopped = false;
            }
            if (allStopped) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + pid + " was not stopped " + bound.toSeconds() + " s after SIGSTOP");
            }
            Thread.sleep(5);
        }
    }
}
