package workbook.socket.examples;

import java.util.concurrent.CountDownLatch;
import workbook.socket.ProcessPerClientServer;

/**
 * Runs your ProcessPerClientServer until Ctrl-C, for trying it by hand with {@code nc 127.0.0.1 PORT} or the
 * module's {@code EchoClient}: one process per client (exercise 5.3).
 * check-examples: a server, run by bin/check-examples against the reference solutions (two clients, then Ctrl-C)
 */
public final class RunProcessPerClientServer {

    private RunProcessPerClientServer() {
    }

    public static void main(String[] args) throws Exception {
        ProcessPerClientServer server = new ProcessPerClientServer();
        // Ctrl-C sends SIGINT: the JVM runs this hook, and close() ends every conversation and child.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.start();
        System.out.println("one process per client (exercise 5.3): pid " + ProcessHandle.current().pid()
                + ", listening on 127.0.0.1:" + server.port() + " (Ctrl-C stops it)");
        new CountDownLatch(1).await();
    }
}
