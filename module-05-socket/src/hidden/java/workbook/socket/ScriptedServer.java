package workbook.socket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-client, one-request server that the tests script byte by byte: it reads the raw bytes of one request
 * (up to and including its {@code '\n'}), then sends exactly the reply bytes it was given, whole or one byte
 * per write, and then keeps the connection open or closes it. What {@link EchoClient} must cope with, and
 * what a correct server could send, without a real server's regularity.
 */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocket listener;
    private final CompletableFuture<byte[]> request = new CompletableFuture<>();
    private final Thread thread;

    private ScriptedServer(byte[] reply, boolean oneByteAtATime, boolean closeAfterReply) throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(reply, oneByteAtATime, closeAfterReply), "scripted-server-" + listener.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers the request with {@code reply}, sent in one write; the connection stays open. */
    static ScriptedServer replying(byte[] reply) throws IOException {
        return new ScriptedServer(reply, false, false);
    }

    /** Answers the request with {@code reply}, one byte per write and flush; the connection stays open. */
    static ScriptedServer replyingByteByByte(byte[] reply) throws IOException {
        return new ScriptedServer(reply, true, false);
    }

    /** Sends {@code bytes} (typically a partial line) and then closes the connection. */
    static ScriptedServer sendingThenClosing(byte[] bytes) throws IOException {
        return new ScriptedServer(bytes, false, true);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** @return the raw bytes of the request the client sent, up to and including its first {@code '\n'} */
    byte[] request() throws Exception {
        return request.get(10, TimeUnit.SECONDS);
    }

    private void serve(byte[] reply, boolean oneByteAtATime, boolean closeAfterReply) {
        try (Socket client = listener.accept()) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            int next;
            while ((next = in.read()) != -1) {
                received.write(next);
                if (next == '\n') {
                    break;
                }
            }
            request.complete(received.toByteArray());
            if (oneByteAtATime) {
                for (byte b : reply) {
                    out.write(b);
                    out.flush();
                }
            } else {
                out.write(reply);
                out.flush();
            }
            if (!closeAfterReply) {
                while (in.read() != -1) {
                    // keep the connection open until the client closes it
                }
            }
        } catch (IOException e) {
            request.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        thread.interrupt();
    }
}
