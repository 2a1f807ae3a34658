package workbook.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Drains one output stream of a child for as long as the child writes to it.
 *
 * <p>Why a thread per stream: a pipe holds about 64 KiB. A child that writes more blocks until
 * somebody reads, so a parent that first waits for the child and reads afterwards waits forever.
 * The pump reads from the moment the child starts, forwards the bytes to the parent's console or
 * keeps them (up to a limit, so a flood cannot exhaust the parent's memory), and always remembers
 * the last few KiB for error messages.
 */
final class OutputPump {

    static final int CAPTURE_LIMIT = 8 * 1024 * 1024;
    private static final int TAIL_SIZE = 4096;

    private final InputStream source;
    private final PrintStream forwardTo;
    private final ByteArrayOutputStream captured;
    private final byte[] tail = new byte[TAIL_SIZE];
    private long tailWritten;
    private long dropped;
    private final Thread thread;

    /**
     * @param source the child's stream
     * @param forwardTo where to copy the bytes as they come, or null to keep them instead
     * @param name a thread name that says which child and stream this is
     */
    OutputPump(InputStream source, PrintStream forwardTo, String name) {
        this.source = source;
        this.forwardTo = forwardTo;
        this.captured = forwardTo == null ? new ByteArrayOutputStream() : null;
        this.thread = new Thread(this::pump, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void pump() {
        byte[] buffer = new byte[8192];
        try (InputStream in = source) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                accept(buffer, n);
            }
        } catch (IOException closed) {
            // The stream was closed under us: the child is gone or the parent gave up on it.
        }
    }

    private synchronized void accept(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            tail[(int) (tailWritten++ % TAIL_SIZE)] = buffer[i];
        }
        if (forwardTo != null) {
            forwardTo.write(buffer, 0, n);
            forwardTo.flush();
            return;
        }
        int room = CAPTURE_LIMIT - captured.size();
        int kept = Math.max(0, Math.min(room, n));
        captured.write(buffer, 0, kept);
        dropped += n - kept;
    }

    /**
     * Waits until the child closed the stream. A grandchild that inherited the stream can keep it open
     * after the child exits, so the wait is bounded.
     */
    boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(Math.max(1, unit.toMillis(timeout)));
        return !thread.isAlive();
    }

    /** @return everything kept so far, decoded as UTF-8, with a note if the limit was reached */
    synchronized String captured() {
        String text = captured.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n[" + dropped + " more bytes dropped: output is kept up to "
                + CAPTURE_LIMIT + " bytes]";
    }

    /** @return the last few KiB written, decoded as UTF-8 */
    synchronized String tail() {
        int size = (int) Math.min(tailWritten, TAIL_SIZE);
        byte[] last = new byte[size];
        for (int i = 0; i < size; i++) {
            last[i] = tail[(int) ((tailWritten - size + i) % TAIL_SIZE)];
        }
        return new String(last, StandardCharsets.UTF_8);
    }
}
