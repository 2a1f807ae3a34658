package workbook.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lesson's measurement: {@code N} processes each increment one counter file {@code M} times,
 * first without a lock, then with {@link FileCounter#incrementLocked(Path)}, and the final values are
 * printed. It needs exercises 4.5 and 4.6.
 *
 * <pre>
 * java -cp module-04-isolation/target/classes:process-kit/process-library/target/classes \
 *      workbook.isolation.LostUpdateDemo [N [M [ROUNDS]]]
 * </pre>
 *
 * <p>Given code: nothing to write here.
 */
public final class LostUpdateDemo {

    private LostUpdateDemo() {
    }

    /**
     * @param args optional: processes (default 10), increments per process (default 100), rounds (default 3)
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int increments = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long expected = (long) processes * increments;
        System.out.printf("%d processes x %d increments = %d expected%n", processes, increments, expected);
        System.out.printf("%-7s %-10s %12s %12s %10s%n", "round", "update", "final value", "lost", "time (ms)");
        for (int round = 1; round <= rounds; round++) {
            measure(round, "unlocked", processes, increments, FileCounter::incrementUnlocked);
            measure(round, "locked", processes, increments, FileCounter::incrementLocked);
        }
    }

    private static void measure(int round, String label, int processes, int increments, CounterUpdate update)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("counter-", ".txt");
        try {
            long started = System.nanoTime();
            long result = ConcurrentIncrements.runConcurrently(file, processes, increments, update);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long lost = (long) processes * increments - result;
            System.out.printf("%-7d %-10s %12d %12d %10d%n", round, label, result, lost, millis);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
