package workbook.socket;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;

/** Small helpers for ending connections and streams without caring whether they were already closed. Given code. */
public final class Sockets {

    private Sockets() {
    }

    /**
     * Closes {@code resource}, ignoring errors: used when a conversation ends, where the other side
     * may already have closed it and there is nobody left to tell.
     *
     * @param resource a socket, stream or server socket; null is ignored
     */
    public static void closeQuietly(Closeable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (IOException alreadyGone) {
            // Closing something that is already broken is not an error worth reporting.
        }
    }

    /**
     * Half-closes {@code socket}: sends end-of-stream to the peer, who can still reply. This is how a
     * relay tells the far side "your client has finished sending".
     *
     * @param socket the connection
     */
    public static void shutdownOutputQuietly(Socket socket) {
        try {
            socket.shutdownOutput();
        } catch (IOException alreadyGone) {
            // The connection is already closed: the far side knows.
        }
    }
}
