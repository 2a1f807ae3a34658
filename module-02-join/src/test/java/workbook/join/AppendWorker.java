package workbook.join;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.process.JvmProcess;

/**
 * A test child that appends {@code lines} lines to a shared file with {@link LineAppender}. So that the
 * writers really overlap, each one announces that it is ready (by creating {@code ready-<writer>} in
 * the signal folder) and starts writing only when the test creates {@code go} there.
 *
 * <p>Every line says who wrote it and which of its lines it is, and its filler is derived from both,
 * so a line that is torn or spliced with another writer's bytes cannot pass for a whole line.
 */
final class AppendWorker extends JvmProcess {
    private static final long serialVersionUID = 1L;

    private static final Pattern LINE = Pattern.compile("(w\\d{2}) (\\d{4}) ([a-z]+)");
    private static final long WAIT_FOR_GO_MILLIS = 30_000;

    private final String file;
    private final String signals;
    private final String writer;
    private final int lines;
    private final int lineLength;

    AppendWorker(Path file, Path signals, int writer, int lines, int lineLength) {
        super(writerName(writer));
        this.file = file.toString();
        this.signals = signals.toString();
        this.writer = writerName(writer);
        this.lines = lines;
        this.lineLength = lineLength;
    }

    static String writerName(int writer) {
        return String.format("w%02d", writer);
    }

    /** The exact text of a writer's k-th line, about {@code length} characters long. */
    static String line(String writer, int k, int length) {
        String head = writer + " " + String.format("%04d", k) + " ";
        char filler = (char) ('a' + Math.floorMod(writer.hashCode() * 31 + k, 26));
        return head + String.valueOf(filler).repeat(Math.max(1, length - head.length()));
    }

    /**
     * @return the writer of a whole line, or null if the line is not exactly one writer's line
     */
    static String writerOf(String line, int length) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        int k = Integer.parseInt(m.group(2));
        return line.equals(line(m.group(1), k, length)) ? m.group(1) + " " + m.group(2) : null;
    }

    @Override
    public void run() {
        try {
            Files.createFile(Path.of(signals, "ready-" + writer));
            long giveUp = System.currentTimeMillis() + WAIT_FOR_GO_MILLIS;
            while (!Files.exists(Path.of(signals, "go"))) {
                if (System.currentTimeMillis() > giveUp) {
                    throw new IllegalStateException(writer + " never got the signal to go");
                }
                Thread.onSpinWait();
            }
            try (LineAppender appender = new LineAppender(Path.of(file))) {
                for (int k = 0; k < lines; k++) {
                    appender.append(line(writer, k, lineLength));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(writer + " failed", e);
        }
    }
}
