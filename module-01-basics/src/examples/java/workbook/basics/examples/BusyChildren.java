package workbook.basics.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lesson 01, "What the operating system keeps, and what the scheduler does": two children that only
 * compute, then four, watched for one second each in /proc/PID/status (Linux): their state, their
 * context switches, and how much of the second each spent on a core.
 */
public final class BusyChildren {

    /** How long the children get to become busy shells; it takes milliseconds, the bound is for a loaded machine. */
    private static final long BUSY_WITHIN_MILLIS = 10_000;

    private BusyChildren() {
    }

    public static void main(String[] args) throws Exception {
        for (int n : new int[] {2, 4}) {
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                children.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            List<Map<String, String>> before = new ArrayList<>();
            List<Duration> cpuBefore = new ArrayList<>();
            for (Process child : children) {
                before.add(awaitBusyShell(child.pid()));
                cpuBefore.add(child.info().totalCpuDuration().orElseThrow());
            }
            Thread.sleep(1000);
            System.out.println(n + " busy children, watched for 1 s:");
            for (int i = 0; i < n; i++) {
                Process child = children.get(i);
                Map<String, String> after = status(child.pid());
                long onCore = child.info().totalCpuDuration().orElseThrow().minus(cpuBefore.get(i)).toMillis();
                System.out.println("  state " + after.get("State").charAt(0)
                        + ", voluntary switches " + delta(before.get(i), after, "voluntary_ctxt_switches")
                        + ", nonvoluntary " + delta(before.get(i), after, "nonvoluntary_ctxt_switches")
                        + ", on a core " + onCore + " ms");
            }
            for (Process child : children) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    private static long delta(Map<String, String> before, Map<String, String> after, String field) {
        return Long.parseLong(after.get(field)) - Long.parseLong(before.get(field));
    }

    /**
     * Reads the child's /proc/PID/status until it shows the program {@code sh}: right after start() the
     * child may still be the JDK's launch helper (JDK 17), whose switches are not the loop's.
     */
    private static Map<String, String> awaitBusyShell(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BUSY_WITHIN_MILLIS * 1_000_000;
        while (true) {
            Map<String, String> status = status(pid);
            if ("sh".equals(status.get("Name")) && status.getOrDefault("State", "").startsWith("R")) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("child " + pid + " is not a busy 'sh' after 10 s: " + status);
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
