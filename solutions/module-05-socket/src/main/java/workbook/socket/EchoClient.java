package workbook.socket;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client of the upper-casing echo protocol: one connection, one request line at a time.
 *
 * <p>From a terminal, with a server running on port 5000 of this machine:
 * <pre>
 * java -cp module-05-socket/target/classes:process-kit/process-library/target/classes workbook.socket.EchoClient 5000
 * </pre>
 * Type a line, read the reply; end with Ctrl-D (Ctrl-Z then Enter on Windows). {@code nc 127.0.0.1 5000}
 * speaks the same protocol, since the protocol is plain lines.
 */
public final class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private EchoClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /**
     * Connects to an echo server on this machine ({@code 127.0.0.1}).
     *
     * @param port the server's port
     * @return the connected client
     * @throws IOException if nobody listens there
     */
    public static EchoClient connect(int port) throws IOException {
        return new EchoClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * Sends one request line and returns the server's reply line.
     *
     * <p>Contract: the line is sent as UTF-8 followed by {@code '\n'}, and sent now (not left in a buffer);
     * the reply is every byte up to the next {@code '\n'}, decoded as UTF-8, without the {@code '\n'}.
     * Whatever the server answers is returned as it is: the client does not upper-case anything itself.
     *
     * @param line the request, without a line break
     * @return the server's reply, without its line break
     * @throws IllegalArgumentException if {@code line} contains {@code '\n'} or {@code '\r'}: a line break would
     *         split it into two requests
     * @throws EOFException if the server closes the connection before a whole reply line has arrived
     * @throws IOException if the connection fails
     */
    public String request(String line) throws IOException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a request is one line, but " + quote(line)
                    + " contains a line break; send each line with its own request()");
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();

        // Collect the reply's bytes first and decode them at the end: a character such as 'é' is two
        // bytes in UTF-8, and turning bytes into chars one by one would split it.
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) != '\n') {
            if (next == -1) {
                throw new EOFException("the server closed the connection before answering " + quote(line)
                        + (reply.size() > 0 ? " (after " + reply.size() + " bytes of a reply)" : ""));
            }
            reply.write(next);
        }
        return reply.toString(StandardCharsets.UTF_8);
    }

    /** Closes the connection; the server's handler sees end-of-stream and ends the conversation. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String quote(String line) {
        return "\"" + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "\"";
    }

    /**
     * Reads lines from the terminal, sends each and prints the reply.
     *
     * @param args the server's port
     * @throws IOException if the connection fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: java workbook.socket.EchoClient PORT   (connects to 127.0.0.1:PORT)");
            System.exit(2);
        }
        BufferedReader terminal = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (EchoClient client = connect(Integer.parseInt(args[0]))) {
            String line;
            while ((line = terminal.readLine()) != null) {
                System.out.println(client.request(line));
            }
        }
    }
}
