package workbook.socket.examples;

import java.util.concurrent.CountDownLatch;
import workbook.socket.BlockingEchoServer;

/**
 * Runs your BlockingEchoServer until Ctrl-C, for trying it by hand with {@code nc 127.0.0.1 PORT} or the
 * module's {@code EchoClient}: one client at a time (exercise 5.2).
 * check-examples: a server, run by bin/check-examples against the reference solutions (two clients, then Ctrl-C)
 */
public final class RunBlockingServer {

    private RunBlockingServer() {
    }

    public static void main(String[] args) throws Exception {
        BlockingEchoServer server = new BlockingEchoServer();
        // Ctrl-C sends SIGINT: the JVM runs this hook, and close() ends every conversation and child.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.start();
        System.out.println("one client at a time (exercise 5.2): pid " + ProcessHandle.current().pid()
                + ", listening on 127.0.0.1:" + server.port() + " (Ctrl-C stops it)");
        new CountDownLatch(1).await();
    }
}
