package workbook.join;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * A file that several processes write events to, one line per event, so that a test (or you) can
 * read back the order in which things really happened across processes.
 *
 * <p>Each event is appended with a single write call on a file opened in append mode, which is what
 * keeps lines from different processes whole (exercise 2.5 explains why).
 */
public final class EventLog {

    private EventLog() {
    }

    /**
     * Appends one event as one line.
     *
     * @param log the log file; created if it does not exist
     * @param event the event text, without line breaks
     * @throws IllegalArgumentException if the event contains a line break
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void record(Path log, String event) {
        Objects.requireNonNull(log, "log must not be null");
        Objects.requireNonNull(event, "event must not be null");
        if (event.indexOf('\n') >= 0 || event.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an event is one line; this one contains a line break: " + event);
        }
        try {
            Files.write(log, (event + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record '" + event + "' in " + log, e);
        }
    }

    /**
     * @param log the log file
     * @return the events recorded so far, in file order; empty if the file does not exist yet
     */
    public static List<String> read(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event log " + log, e);
        }
    }
}
