package workbook.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import workbook.testsupport.OsProcesses;

/**
 * Measures how long a daemon child outlives its parent, for the three ways a parent ends: it returns
 * from {@code main}, it is terminated (SIGTERM), it is killed (SIGKILL). Not a test: run it by hand
 * after building the module with the reference solution, and copy the table into the lesson.
 *
 * <pre>
 * ./mvnw -q -B -o clean verify -Psolutions -pl module-03-daemon
 * java -cp module-03-daemon/target/test-classes:module-03-daemon/target/classes:process-kit/process-library/target/classes \
 *      workbook.daemon.MeasureDaemonDeath 10
 * </pre>
 *
 * <p>One loop polls {@code /proc} for both processes every 0.2 ms and notes when each is first seen gone
 * (exited or a zombie), so both times come from the same clock and the same observer. The figure is the
 * daemon's time minus the parent's.
 */
public final class MeasureDaemonDeath {

    private MeasureDaemonDeath() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("measure-daemon-death-");
        try {
            System.out.printf("daemon death after its parent's, %d rounds each (ms)%n", rounds);
            System.out.printf("%-22s %8s %8s %8s %26s%n", "parent ended by", "min", "median", "max", "signal to parent gone (median)");
            for (String how : List.of("return", "SIGTERM", "SIGKILL")) {
                List<Double> daemonAfterParent = new ArrayList<>();
                List<Double> signalToParentGone = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    Path roundDir = Files.createDirectories(dir.resolve(how + "-" + round));
                    try (ParentJvm parent = ParentJvm.start("daemon", how.equals("return") ? "return" : "wait", roundDir)) {
                        long signalled = System.nanoTime();
                        if (how.equals("SIGTERM")) {
                            parent.process().destroy();
                        } else if (how.equals("SIGKILL")) {
                            parent.process().destroyForcibly();
                        }
                        long[] gone = pollUntilBothGone(parent.pid(), parent.childPid());
                        daemonAfterParent.add((gone[1] - gone[0]) / 1e6);
                        signalToParentGone.add((gone[0] - signalled) / 1e6);
                    }
                }
                Collections.sort(daemonAfterParent);
                Collections.sort(signalToParentGone);
                String label = how.equals("return") ? "main returned" : how;
                System.out.printf("%-22s %8.1f %8.1f %8.1f %26s%n", label, daemonAfterParent.get(0), median(daemonAfterParent),
                        daemonAfterParent.get(daemonAfterParent.size() - 1),
                        how.equals("return") ? "-" : String.format("%.1f", median(signalToParentGone)));
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** @return the nanoTime at which the parent, then the daemon, were first seen gone */
    private static long[] pollUntilBothGone(long parent, long daemon) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long parentGone = 0;
        long daemonGone = 0;
        while (parentGone == 0 || daemonGone == 0) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("parent " + parent + " or daemon " + daemon + " still running after 60 s");
            }
            if (parentGone == 0 && OsProcesses.isGone(parent)) {
                parentGone = now;
            }
            if (daemonGone == 0 && OsProcesses.isGone(daemon)) {
                daemonGone = now;
            }
            LockSupport.parkNanos(200_000);
        }
        return new long[] {parentGone, daemonGone};
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
