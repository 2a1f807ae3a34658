package workbook.daemon.children;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import workbook.daemon.DaemonProcess;
import workbook.process.JvmProcess;

/**
 * The intermediate parent of the orphan and daemon tests: a JVM that starts one child, reports the
 * child's pid, and then either ends normally or waits to be ended from outside.
 *
 * <pre>java ... workbook.daemon.children.ChildStarter daemon|plain return|wait READY_FILE</pre>
 *
 * <ul>
 *   <li>{@code daemon}: the child is a {@link DaemonProcess} with the daemon flag set;
 *       {@code plain}: a plain {@link JvmProcess} (it does not depend on any exercise);</li>
 *   <li>the child writes its pid to READY_FILE and then waits; this parent waits for that file, prints
 *       {@code child <pid>} on standard output, and then</li>
 *   <li>{@code return}: returns from {@code main}, so this JVM ends normally;
 *       {@code wait}: sleeps until it is ended (SIGTERM, SIGKILL).</li>
 * </ul>
 */
public final class ChildStarter {

    private ChildStarter() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ChildStarter daemon|plain return|wait READY_FILE");
            System.exit(2);
        }
        String readyFile = args[2];
        JvmProcess child;
        if (args[0].equals("daemon")) {
            DaemonProcess daemon = new DaemonProcess("daemon-child", () -> Chores.markReadyAndWait(readyFile));
            daemon.setDaemon(true);
            child = daemon;
        } else {
            child = new JvmProcess("plain-child", () -> Chores.markReadyAndWait(readyFile));
        }
        child.start();
        Path ready = Path.of(readyFile);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(ready)) {
            if (!child.isAlive() || System.nanoTime() >= deadline) {
                System.err.println("the child " + child + " did not start its work (its errors are above)");
                child.kill();
                System.exit(3);
            }
            Chores.sleep(Duration.ofMillis(10));
        }
        System.out.println("child " + child.pid());
        System.out.flush();
        if (args[1].equals("wait")) {
            Chores.sleep(Chores.LIFETIME);
        }
    }
}
