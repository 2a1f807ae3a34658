package workbook.daemon.children;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import workbook.daemon.ParentWatch;

/**
 * Runs {@link ParentWatch} in a plain child JVM whose standard input the test holds:
 * {@code ParentWatchHost <ready file> <hook file>} registers a shutdown hook that writes the hook file,
 * starts the watch, writes the ready file and then waits for ever, so only the watch can end it.
 */
public final class ParentWatchHost {
    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> write(args[1])));
        ParentWatch.start();
        write(args[0]);
        while (true) {
            Thread.sleep(60_000);
        }
    }

    private static void write(String file) {
        try {
            Files.writeString(Path.of(file), "x");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
