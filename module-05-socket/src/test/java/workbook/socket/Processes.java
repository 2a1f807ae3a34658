package workbook.socket;

import java.util.concurrent.TimeUnit;

/**
 * What the tests of this module do to processes beyond what {@link workbook.testsupport.OsProcesses}
 * offers: freeze one, to stand for a worker or handler that hangs.
 */
final class Processes {

    private Processes() {
    }

    /**
     * Stops {@code pid} with SIGSTOP (Unix only). A stopped process cannot act on SIGTERM, as a hung one
     * would not: only SIGKILL ends it.
     */
    static void freeze(long pid) throws Exception {
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start();
        if (!stop.waitFor(10, TimeUnit.SECONDS) || stop.exitValue() != 0) {
            stop.destroyForcibly();
            throw new AssertionError("kill -STOP " + pid + " did not succeed within 10 s");
        }
    }
}
