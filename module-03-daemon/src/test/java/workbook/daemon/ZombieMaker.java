package workbook.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes a zombie on Linux with a parent that never reaps: {@code sh -c 'sleep 0.1 & exec sleep 30'}.
 * The shell starts a short {@code sleep} in the background and then <em>replaces itself</em> with a long
 * {@code sleep}, a program that knows nothing of children and never calls {@code wait}. When the short
 * one exits it stays a zombie until its parent ends.
 *
 * @param parent the non-reaping parent, a child of the test JVM (end it with {@link #close()})
 * @param zombiePid the zombie
 */
record ZombieMaker(Process parent, long zombiePid) implements AutoCloseable {

    static ZombieMaker make() throws IOException {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & exec sleep 30").start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (long child : childrenOf(parent.pid())) {
                if (Procs.rawState(child) == 'Z') {
                    return new ZombieMaker(parent, child);
                }
            }
            Procs.sleepMillis(10);
        }
        parent.destroyForcibly();
        throw new AssertionError("no zombie appeared under the non-reaping parent " + parent.pid() + " within 20 s");
    }

    /** Scans {@code /proc} for processes whose parent is {@code pid}, zombies included. */
    static List<Long> childrenOf(long pid) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(candidate -> parentOf(candidate) == pid)
                    .collect(Collectors.toList());
        }
    }

    private static long parentOf(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] afterName = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(afterName[1]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
