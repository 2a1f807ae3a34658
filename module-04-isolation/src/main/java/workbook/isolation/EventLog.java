package workbook.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only log of events, shared by several processes through the file system: each line is
 * {@code <pid> <event>}. The file is named by the system property {@value #PROPERTY}; without it,
 * nothing is recorded.
 *
 * <p>Each line is written with one {@code write} call on a file opened for appending, which the
 * operating system keeps whole even when many processes append at once (module 02 shows why).
 *
 * <p>Given code: nothing to write here.
 */
public final class EventLog {

    /** The system property that names the log file. */
    public static final String PROPERTY = "workbook.isolation.eventLog";

    private EventLog() {
    }

    /**
     * Appends {@code <this pid> <event>} to the log, if the log is configured.
     *
     * @param event what happened, on one line
     */
    public static void record(String event) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        if (event.contains("\n")) {
            throw new IllegalArgumentException("an event is one line; got " + event.replace("\n", "\\n"));
        }
        byte[] line = (ProcessHandle.current().pid() + " " + event + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(Path.of(file), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the event log " + file, e);
        }
    }
}
