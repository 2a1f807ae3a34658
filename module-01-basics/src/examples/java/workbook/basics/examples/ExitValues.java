package workbook.basics.examples;

import java.util.concurrent.TimeUnit;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;

/** Lesson 01, "How a process ends": what Java reports for four endings of a child (Linux and macOS). */
public final class ExitValues {

    private ExitValues() {
    }

    public static void main(String[] args) throws Exception {
        JvmProcess exits = new JvmProcess(() -> System.exit(3));
        exits.start();
        exits.join();
        System.out.println("a JVM, System.exit(3):   " + exits.exitStatus().orElseThrow());

        JvmProcess asked = new JvmProcess(ExitValues::sleepLong);
        asked.start();
        asked.terminate();               // SIGTERM: the JVM runs its shutdown hooks, then calls exit(143)
        asked.join();
        System.out.println("a JVM, terminate():      " + asked.exitStatus().orElseThrow());

        JvmProcess killed = new JvmProcess(ExitValues::sleepLong);
        killed.start();
        killed.kill();                   // SIGKILL: the kernel ends it, no code of the child runs
        killed.join();
        System.out.println("a JVM, kill():           " + killed.exitStatus().orElseThrow());

        Process sleep = new ProcessBuilder("sleep", "30").start();
        sleep.destroy();                 // SIGTERM: sleep has no handler, so the signal kills it
        sleep.waitFor(30, TimeUnit.SECONDS);
        System.out.println("sleep, destroy():        " + new ExitStatus(sleep.exitValue()));
    }

    private static void sleepLong() {
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
