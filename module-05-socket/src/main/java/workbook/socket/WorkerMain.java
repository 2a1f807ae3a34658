package workbook.socket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The program of one pre-started worker of a {@link ProcessPool}. Given code.
 *
 * <p>It listens on a port of its own on {@code 127.0.0.1} (port 0: the system picks one), reports it on
 * standard output as {@code READY <port>}, and then serves connections <em>one at a time</em>, for as
 * long as it lives: one process, many clients in turn. The pool relays each client to an idle worker's
 * port.
 *
 * <p>A worker ends when its standard input reaches end-of-stream. The pool holds that pipe and never
 * writes to it, so the end comes when the pool's JVM is gone for whatever reason, even a
 * {@code kill -9}: the kernel closes the pipe, and no worker is left behind as an orphan.
 */
public final class WorkerMain {

    /** The first line a worker prints, followed by its port. */
    public static final String READY = "READY ";

    private WorkerMain() {
    }

    /**
     * @param args none
     * @throws IOException if the worker cannot listen
     */
    public static void main(String[] args) throws IOException {
        Thread parentWatch = new Thread(WorkerMain::exitWhenParentIsGone, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        EchoProtocol protocol = EchoProtocol.inOwnProcess();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.out.println(READY + listener.getLocalPort());
            System.out.flush();
            while (true) {
                try (Socket client = listener.accept()) {
                    protocol.serve(client.getInputStream(), client.getOutputStream());
                } catch (IOException clientWentAway) {
                    // That client's conversation is over; the worker carries on with the next one.
                }
            }
        }
    }

    private static void exitWhenParentIsGone() {
        InputStream stdin = System.in;
        try {
            while (stdin.read() != -1) {
                // The pool never writes; anything that arrives is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-stream: the parent is gone.
        }
        System.exit(0);
    }
}
