package workbook.daemon.children;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import workbook.daemon.DaemonProcess;

/**
 * What the children in this module's tests do. Every method runs in a child JVM; the arguments are
 * strings, so that the lambdas that call them can travel to the child.
 */
public final class Chores {

    /** How long a child that "waits" lives at most, so that even a leak ends by itself eventually. */
    public static final Duration LIFETIME = Duration.ofSeconds(90);

    private Chores() {
    }

    /** Writes this JVM's pid to {@code readyFile} (atomically), then sleeps for {@link #LIFETIME}. */
    public static void markReadyAndWait(String readyFile) {
        markReady(readyFile);
        sleep(LIFETIME);
    }

    /** Writes this JVM's pid to {@code readyFile} (atomically) and returns: the child's work is done. */
    public static void markReady(String readyFile) {
        Path file = Path.of(readyFile);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(partial, Long.toString(ProcessHandle.current().pid()));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tries to start a child of its own and says on standard output what happened: {@code refused: ...}
     * with the exception's message, or {@code started <pid>}.
     */
    public static void tryToStartAChild(String grandchildReadyFile) {
        DaemonProcess grandchild = new DaemonProcess("grandchild", () -> markReady(grandchildReadyFile));
        try {
            grandchild.start();
        } catch (IllegalStateException refused) {
            System.out.println("refused: " + refused.getClass().getName() + ": " + refused.getMessage());
            return;
        }
        try {
            grandchild.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("started " + grandchild.pid());
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) until a file exists; true if it does. */
    public static boolean awaitFile(Path file, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            sleep(Duration.ofMillis(10));
        }
        return true;
    }
}
