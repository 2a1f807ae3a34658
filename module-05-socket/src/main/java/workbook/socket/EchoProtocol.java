package workbook.socket;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The upper-casing echo protocol, spoken over any pair of byte streams: a socket's, or a handler
 * process's standard input and output. Given code: every server in this module uses it.
 *
 * <p>The rules, one request at a time:
 * <ul>
 *   <li>A request is a line: the bytes up to a {@code '\n'}. The reply is the same bytes with every ASCII
 *       letter {@code a-z} turned into {@code A-Z}, then {@code '\n'}. Every other byte (digits, {@code '\r'},
 *       UTF-8 sequences, binary bytes) comes back unchanged, so {@code "naïve"} becomes {@code "NAïVE"}.
 *       This is exactly what Python's {@code bytes.upper()} does, and it cannot fail on invalid text.</li>
 *   <li>An empty line is answered with an empty line.</li>
 *   <li>{@value #PID_REQUEST} is answered with {@code "PID <n>"}, the id of the process that runs this
 *       conversation: the way a client learns which process serves it.</li>
 *   <li>{@value #CRASH_REQUEST} makes the handler fail (see {@link #inOwnProcess()} and
 *       {@link #inSharedProcess()}): the test of fault isolation.</li>
 *   <li>A line longer than {@value #MAX_LINE_BYTES} bytes is answered with {@link #LINE_TOO_LONG} and
 *       the conversation ends: a server must bound what one client can make it hold in memory.</li>
 *   <li>End of input ends the conversation; a partial last line (no {@code '\n'}) is dropped unanswered,
 *       because the client that sent it has gone.</li>
 * </ul>
 * Each reply is flushed at once: a reply that waits in a buffer is a reply the client never gets.
 */
public final class EchoProtocol {

    /** The longest request line a handler accepts, in bytes (without the {@code '\n'}). */
    public static final int MAX_LINE_BYTES = 8192;

    /** The request that asks which process serves this client. */
    public static final String PID_REQUEST = "PID";

    /** The request that makes the handler fail. */
    public static final String CRASH_REQUEST = "CRASH";

    /** The reply to a line longer than {@link #MAX_LINE_BYTES}; the conversation ends after it. */
    public static final String LINE_TOO_LONG = "ERROR line longer than " + MAX_LINE_BYTES + " bytes; closing the connection";

    /** The exit value of a handler process that was asked to crash (70 is EX_SOFTWARE in sysexits.h). */
    public static final int CRASH_EXIT_VALUE = 70;

    private static final byte[] PID = PID_REQUEST.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRASH = CRASH_REQUEST.getBytes(StandardCharsets.US_ASCII);

    private final Runnable crash;

    private EchoProtocol(Runnable crash) {
        this.crash = crash;
    }

    /**
     * The protocol for a handler that has a process of its own: {@value #CRASH_REQUEST} ends the
     * process at once with {@link #CRASH_EXIT_VALUE}, without cleanup, the way a real fault would
     * (a native crash, an out-of-memory kill, a library that calls {@code exit}).
     *
     * @return the protocol for {@link HandlerMain} and {@link WorkerMain}
     */
    public static EchoProtocol inOwnProcess() {
        return new EchoProtocol(() -> Runtime.getRuntime().halt(CRASH_EXIT_VALUE));
    }

    /**
     * The protocol for a handler that shares the server's JVM (a thread, or the server itself):
     * {@value #CRASH_REQUEST} throws {@link HandlerCrash}. Halting here would end the whole server and
     * every other client with it, which is exactly why servers pay for processes.
     *
     * @return the protocol for in-process handlers
     */
    public static EchoProtocol inSharedProcess() {
        return new EchoProtocol(() -> {
            throw new HandlerCrash("the client sent " + CRASH_REQUEST
                    + "; a handler that shares the server's process can only throw, not die alone");
        });
    }

    /**
     * Runs one conversation until the client's input ends, or a line is too long.
     *
     * @param in what the client sends
     * @param out where the replies go; flushed after every reply
     * @throws IOException if either stream fails (the client went away abruptly)
     * @throws HandlerCrash on {@value #CRASH_REQUEST}, for {@link #inSharedProcess()}
     */
    public void serve(InputStream in, OutputStream out) throws IOException {
        InputStream input = new BufferedInputStream(in);
        byte[] line = new byte[MAX_LINE_BYTES];
        int length = 0;
        int next;
        while ((next = input.read()) != -1) {
            if (next == '\n') {
                answer(line, length, out);
                length = 0;
            } else if (length == MAX_LINE_BYTES) {
                out.write(LINE_TOO_LONG.getBytes(StandardCharsets.US_ASCII));
                out.write('\n');
                out.flush();
                return;
            } else {
                line[length++] = (byte) next;
            }
        }
    }

    private void answer(byte[] line, int length, OutputStream out) throws IOException {
        if (is(PID, line, length)) {
            out.write((PID_REQUEST + " " + ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII));
        } else if (is(CRASH, line, length)) {
            crash.run();
            return;
        } else {
            out.write(upperCase(line, length));
        }
        out.write('\n');
        out.flush();
    }

    /**
     * @param line bytes of a request line
     * @param length how many of them to use
     * @return a copy with ASCII {@code a-z} turned into {@code A-Z} and every other byte unchanged
     */
    public static byte[] upperCase(byte[] line, int length) {
        byte[] upper = new byte[length];
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            upper[i] = b >= 'a' && b <= 'z' ? (byte) (b - 'a' + 'A') : b;
        }
        return upper;
    }

    private static boolean is(byte[] request, byte[] line, int length) {
        if (length != request.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (line[i] != request[i]) {
                return false;
            }
        }
        return true;
    }
}
