package workbook.basics.examples;

import java.util.List;
import java.util.Map;

/**
 * Lesson 01, "What the operating system keeps, and what the scheduler does": a child's record in the
 * process table, read from /proc/PID/status (Linux) while the child waits.
 */
public final class ProcessRecord {

    private static final List<String> FIELDS = List.of("Name", "State", "PPid", "Threads",
            "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches");

    private ProcessRecord() {
    }

    public static void main(String[] args) throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        Map<String, String> status = ProcStatus.await(child.pid(), "sleep", 'S');
        System.out.println("this program's pid: " + ProcessHandle.current().pid());
        for (String field : FIELDS) {
            System.out.printf("%-27s %s%n", field + ":", status.get(field));
        }
        child.destroy();
        child.waitFor();
    }
}
