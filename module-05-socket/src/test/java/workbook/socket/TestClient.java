package workbook.socket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The tests' own client: a raw socket with time limits on every read, independent of the student's
 * {@link EchoClient}, so that exercises are graded separately.
 */
final class TestClient implements AutoCloseable {

    /** How long a reply may take when one is expected: a handler JVM may be starting on a busy machine. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(25);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private String lastRequest = "(nothing sent)";

    private TestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static TestClient connect(int port) throws IOException {
        return new TestClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    void send(byte[] bytes) throws IOException {
        lastRequest = bytes.length + " bytes";
        out.write(bytes);
        out.flush();
    }

    void sendLine(String line) throws IOException {
        send((line + "\n").getBytes(StandardCharsets.UTF_8));
        lastRequest = line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }

    String ask(String line) throws IOException {
        sendLine(line);
        return readReply();
    }

    /** @return the pid the server reports for this connection ({@code PID} request) */
    long servingPid() throws IOException {
        String reply = ask(EchoProtocol.PID_REQUEST);
        if (!reply.startsWith("PID ")) {
            throw new AssertionError("expected 'PID <n>' in reply to PID, got '" + reply + "'");
        }
        return Long.parseLong(reply.substring(4).trim());
    }

    String readReply() throws IOException {
        return new String(readReplyBytes(REPLY_TIMEOUT), StandardCharsets.UTF_8);
    }

    /** @return the next reply line's bytes; fails the test if none arrives in time or the connection ends */
    byte[] readReplyBytes(Duration timeout) throws IOException {
        Optional<byte[]> reply = replyBytesWithin(timeout);
        if (reply.isEmpty()) {
            throw new AssertionError("no reply to '" + lastRequest + "' within " + timeout.toSeconds()
                    + " s on port " + socket.getPort() + " (" + partial.size() + " bytes of a reply so far)");
        }
        return reply.get();
    }

    /** @return the next reply line if one arrives within {@code timeout}; empty if none did */
    Optional<String> replyWithin(Duration timeout) throws IOException {
        return replyBytesWithin(timeout).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private Optional<byte[]> replyBytesWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) left);
            int next;
            try {
                next = in.read();
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } catch (SocketException e) {
                throw new AssertionError("the connection failed while waiting for a reply to '" + lastRequest + "': " + e, e);
            }
            if (next == -1) {
                throw new AssertionError("the server closed the connection instead of answering '" + lastRequest + "'");
            }
            if (next == '\n') {
                byte[] line = partial.toByteArray();
                partial.reset();
                return Optional.of(line);
            }
            partial.write(next);
        }
    }

    /**
     * Waits until the server ends this connection (end of stream, or a reset).
     *
     * @return true if it ended within {@code timeout}
     */
    boolean endsWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read() == -1) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }
    }

    /**
     * Half-closes the connection: the server sees the end of this client's requests, and can still reply.
     * This is how a client that has sent everything says so.
     */
    void finishSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with a TCP reset instead of a polite end of stream: the server's next read fails. */
    void resetAbruptly() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() {
        Sockets.closeQuietly(socket);
    }
}
