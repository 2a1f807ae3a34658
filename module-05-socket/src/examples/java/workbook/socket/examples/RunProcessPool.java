package workbook.socket.examples;

import java.util.concurrent.CountDownLatch;
import workbook.socket.ProcessPool;

/**
 * Runs your ProcessPool until Ctrl-C, for trying it by hand with {@code nc 127.0.0.1 PORT} or the
 * module's {@code EchoClient}: a pool of 4 worker processes (exercises 5.4 and 5.5).
 * check-examples: a server, run by bin/check-examples against the reference solutions (two clients, then Ctrl-C)
 */
public final class RunProcessPool {

    private RunProcessPool() {
    }

    public static void main(String[] args) throws Exception {
        ProcessPool server = new ProcessPool(4);
        // Ctrl-C sends SIGINT: the JVM runs this hook, and close() ends every conversation and child.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.start();
        System.out.println("a pool of 4 worker processes (exercises 5.4 and 5.5): pid " + ProcessHandle.current().pid()
                + ", listening on 127.0.0.1:" + server.port() + " (Ctrl-C stops it)");
        new CountDownLatch(1).await();
    }
}
