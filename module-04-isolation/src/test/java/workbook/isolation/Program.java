package workbook.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program in a JVM of its own, for tests whose subject must be the main JVM (its {@code main} may
 * exit, its temporary folder may be set), and waits for it with a bound.
 */
final class Program {

    private Program() {
    }

    /**
     * Starts {@code program} with its standard output and error in {@code output}, and waits for its end.
     *
     * @param what how a failure message names the program
     * @return the ended process
     * @throws AssertionError if it was still running after {@code bound}; it is then killed with its descendants
     */
    static Process runToEnd(ProcessBuilder program, Path output, Duration bound, String what) throws IOException, InterruptedException {
        Process process = program.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(what + " (pid " + process.pid() + ") was still running after " + bound.toSeconds()
                    + " s and has been killed; it printed:\n" + Files.readString(output));
        }
        return process;
    }
}
