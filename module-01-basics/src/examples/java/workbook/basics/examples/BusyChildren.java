package workbook.basics.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lesson 01, "What the operating system keeps, and what the scheduler does": two children that only
 * compute, then four, watched for one second each in /proc/PID/status (Linux): their state, their
 * context switches, and how much of the second each spent on a core.
 */
public final class BusyChildren {


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
                before.add(ProcStatus.await(child.pid(), "sh", 'R'));
                cpuBefore.add(child.info().totalCpuDuration().orElseThrow());
            }
            Thread.sleep(1000);
            System.out.println(n + " busy children, watched for 1 s:");
            for (int i = 0; i < n; i++) {
                Process child = children.get(i);
                Map<String, String> after = ProcStatus.read(child.pid());
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
}
