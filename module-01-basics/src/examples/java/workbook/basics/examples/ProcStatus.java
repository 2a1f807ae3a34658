package workbook.basics.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process's record as Linux shows it in {@code /proc/PID/status}, for the examples of lesson 01's section
 * "What the operating system keeps, and what the scheduler does" ({@link ProcessRecord}, {@link BusyChildren}).
 */
final class ProcStatus {

    /** How long a new child gets to reach the awaited state; it takes milliseconds, the bound is for a loaded machine. */
    private static final long WITHIN_MILLIS = 10_000;

    private ProcStatus() {
    }

    /** @return the fields of /proc/PID/status, name to value (an empty map if the file is gone) */
    static Map<String, String> read(long pid) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        } catch (NoSuchFileException e) {
            fields.clear();
        }
        return fields;
    }

    /**
     * Reads the child's record until it runs the program {@code name} in state {@code state}: right after
     * start() the child may still be the JDK's launch helper (JDK 17), or not in that state yet.
     *
     * @return the record that showed it
     */
    static Map<String, String> await(long pid, String name, char state) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WITHIN_MILLIS * 1_000_000;
        while (true) {
            Map<String, String> status = read(pid);
            if (name.equals(status.get("Name")) && status.getOrDefault("State", "").startsWith(String.valueOf(state))) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("child " + pid + " is not '" + name + "' in state " + state
                        + " after " + WITHIN_MILLIS / 1000 + " s: " + status);
            }
            Thread.sleep(10);
        }
    }
}
