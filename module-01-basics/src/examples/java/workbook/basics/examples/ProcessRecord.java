package workbook.basics.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lesson 01, "What the operating system keeps, and what the scheduler does": a child's record in the
 * process table, read from /proc/PID/status (Linux) while the child waits.
 */
public final class ProcessRecord {

    private static final List<String> FIELDS = List.of("Name", "State", "PPid", "Threads",
            "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches");
    /** How long the child gets to become a sleeping 'sleep'; it takes milliseconds, the bound is for a loaded machine. */
    private static final long SLEEPING_WITHIN_MILLIS = 10_000;

    private ProcessRecord() {
    }

    public static void main(String[] args) throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        Map<String, String> status = awaitSleeping(child.pid());
        System.out.println("this program's pid: " + ProcessHandle.current().pid());
        for (String field : FIELDS) {
            System.out.printf("%-27s %s%n", field + ":", status.get(field));
        }
        child.destroy();
        child.waitFor();
    }

    /**
     * Reads the child's /proc/PID/status until it shows the program {@code sleep} waiting (state S): right
     * after start() the child may still be the JDK's launch helper (JDK 17), or not asleep yet.
     */
    private static Map<String, String> awaitSleeping(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SLEEPING_WITHIN_MILLIS * 1_000_000;
        while (true) {
            Map<String, String> status = status(pid);
            if ("sleep".equals(status.get("Name")) && status.getOrDefault("State", "").startsWith("S")) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("child " + pid + " is not a sleeping 'sleep' after 10 s: " + status);
            }
            Thread.sleep(10);
        }
    }

    /** @return the fields of /proc/PID/status, name to value (an empty map if the file is gone) */
    private static Map<String, String> status(long pid) throws IOException {
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
}
