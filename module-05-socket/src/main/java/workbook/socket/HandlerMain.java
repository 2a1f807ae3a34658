package workbook.socket;

import java.io.IOException;

/**
 * The program a {@link ProcessPerClientServer} starts for each client: one conversation of the echo
 * protocol on standard input and output, then exit. Given code.
 *
 * <p>The handler never sees the socket. The server relays the client's bytes to this process's
 * standard input and this process's standard output back to the client (see {@link Relay}). When the
 * client has finished, the server closes the pipe, {@code System.in} reaches end-of-stream, the
 * conversation ends and so does the process.
 */
public final class HandlerMain {

    private HandlerMain() {
    }

    /**
     * @param args none
     * @throws IOException if the pipes to the server fail (the server went away)
     */
    public static void main(String[] args) throws IOException {
        EchoProtocol.inOwnProcess().serve(System.in, System.out);
        System.out.flush();
    }
}
