package workbook.daemon.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import workbook.process.JvmProcess;

/**
 * Lesson 03, "Polite and forcible termination": after terminate(), what a shutdown hook prints is lost,
 * what it writes to a file arrives.
 */
public final class HookOutput {

    private HookOutput() {
    }

    public static void main(String[] args) throws Exception {
        Path mark = Files.createTempFile("hook", ".txt");
        String where = mark.toString();
        JvmProcess child = new JvmProcess("hooked", () -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("hook: printed to standard output");
                write(where, "hook: written to a file");
            }));
            System.out.println("child: running");
            sleepLong();
        }).captureOutput();
        child.start();
        awaitOutput(child, "child: running", Duration.ofSeconds(30));
        child.terminate();
        child.join();
        System.out.println("captured: " + child.output().strip().replace("\n", " | "));
        System.out.println("file:     " + Files.readString(mark));
        System.out.println("ended:    " + child.exitStatus().orElseThrow());
        Files.delete(mark);
    }

    /** Waits until the child has printed {@code text}: only then is its hook surely registered. */
    private static void awaitOutput(JvmProcess child, String text, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!child.output().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(child + " did not print '" + text + "' within " + limit);
            }
            Thread.sleep(10);
        }
    }

    private static void write(String file, String text) {
        try {
            Files.writeString(Path.of(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepLong() {
        try {
            Thread.sleep(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
