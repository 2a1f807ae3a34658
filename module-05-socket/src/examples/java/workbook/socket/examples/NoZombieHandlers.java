package workbook.socket.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lesson 05, "Finished handlers: zombies in Python, none in Java": the Java side of the contrast. Two
 * handlers that end at once, started like the course material's and never waited for by this program,
 * leave no zombie behind, because the JDK waits for every process it starts as soon as it exits.
 */
public final class NoZombieHandlers {

    /** How long the JDK gets to reap an ended child; it takes milliseconds, the bound is for a loaded machine. */
    private static final long REAPED_WITHIN_MILLIS = 10_000;

    private NoZombieHandlers() {
    }

    public static void main(String[] args) throws Exception {
        for (int client = 1; client <= 2; client++) {
            Process handler = new ProcessBuilder("true").start(); // a handler that ends at once; no waitFor()
            handler.getInputStream().readAllBytes();              // end of its output: the handler has exited
            List<String> left = childrenLeft();
            System.out.println("after client " + client + ", this server's children in the process table: "
                    + (left.isEmpty() ? "none" : left));
        }
    }

    /**
     * The children of this process that the process table still lists (as "pid state"), once the JDK has
     * had up to {@link #REAPED_WITHIN_MILLIS} to reap them; an ended child that nobody waits for would
     * stay there as a zombie (state Z).
     */
    private static List<String> childrenLeft() throws InterruptedException {
        long deadline = System.nanoTime() + REAPED_WITHIN_MILLIS * 1_000_000;
        List<String> left;
        do {
            left = ProcessHandle.current().children().map(NoZombieHandlers::pidAndState).collect(Collectors.toList());
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return left;
    }

    /** @return "pid state", the state as /proc/PID/stat shows it (Z for a zombie) */
    private static String pidAndState(ProcessHandle child) {
        try {
            String stat = Files.readString(Path.of("/proc/" + child.pid() + "/stat"));
            return child.pid() + " " + stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } catch (IOException e) {
            return child.pid() + " gone";
        }
    }
}
