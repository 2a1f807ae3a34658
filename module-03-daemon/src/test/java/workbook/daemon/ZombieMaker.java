package workbook.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import workbook.testsupport.OsProcesses;

/**
 * Makes a zombie on Linux with a parent that never reaps: {@code sh -c 'sleep 0.1 & exec sleep 30'}.
 * The shell starts a short {@code sleep} in the background and then <em>replaces itself</em> with a long
 * {@code sleep}, a program that knows nothing of children and never calls {@code wait}. When the short
 * one exits it stays a zombie until its parent ends.
 *
 * @param parent the non-reaping parent, a child of the test JVM (end it with {@link #close()})
 * @param zombiePid the zombie
 */
record ZombieMaker(Process parent, long zombiePid) implements AutoCloseable {

    static ZombieMaker make() throws IOException, InterruptedException {
        return make("sleep 0.1 & exec sleep 30");
    }

    /**
     * Makes a zombie whose non-reaping parent ignores SIGTERM: {@code trap '' TERM} before the {@code exec}
     * (an ignored signal stays ignored across {@code exec}), so only SIGKILL ends it.
     */
    static ZombieMaker makeWithAParentThatIgnoresSigterm() throws IOException, InterruptedException {
        return make("trap '' TERM; sleep 0.1 & exec sleep 30");
    }

    private static ZombieMaker make(String script) throws IOException, InterruptedException {
        Process parent = new ProcessBuilder("sh", "-c", script).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (long child : OsProcesses.childrenOf(parent.pid())) {
                if (OsProcesses.state(child) == 'Z') {
                    return new ZombieMaker(parent, child);
                }
            }
            Thread.sleep(10);
        }
        parent.destroyForcibly();
        throw new AssertionError("no zombie appeared under the non-reaping parent " + parent.pid() + " within 20 s");
    }

    @Override
    public void close() throws InterruptedException {
        parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
