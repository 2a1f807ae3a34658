package workbook.isolation.examples;

import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import workbook.process.JvmProcess;

/**
 * Lesson 04, "A lock whose holder is killed": the kernel releases a file lock when its holder dies,
 * even by SIGKILL, when none of the holder's code runs.
 */
public final class FileLockDeath {

    private FileLockDeath() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("lock", ".txt");
        String where = file.toString();
        JvmProcess holder = new JvmProcess("holder", () -> holdLock(where)).captureOutput();
        holder.start();
        awaitOutput(holder, "holder: locked", Duration.ofSeconds(30));
        try (FileChannel channel = FileChannel.open(file, WRITE)) {
            System.out.println("parent: tryLock while the holder lives: " + channel.tryLock());
            holder.kill();
            holder.join();
            System.out.println("parent: holder " + holder.exitStatus().orElseThrow());
            System.out.println("parent: tryLock after its death: " + (channel.tryLock() != null ? "acquired" : "refused"));
        }
        Files.delete(file);
    }

    private static void holdLock(String file) {
        try (FileChannel channel = FileChannel.open(Path.of(file), WRITE); FileLock lock = channel.lock()) {
            System.out.println("holder: locked");
            Thread.sleep(Duration.ofSeconds(60).toMillis());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the child has printed {@code text}: only then does it surely hold the lock. */
    private static void awaitOutput(JvmProcess child, String text, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!child.output().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(child + " did not print '" + text + "' within " + limit);
            }
            Thread.sleep(10);
        }
    }
}
