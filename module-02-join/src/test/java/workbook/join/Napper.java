package workbook.join;

import java.nio.file.Path;
import workbook.process.JvmProcess;

/**
 * A test child that sleeps, then ends with a chosen exit value. With a log file it records
 * {@code "<name> begin <epoch ms>"} before sleeping and {@code "<name> end <epoch ms>"} after, so a
 * test can see when it really ran and in which order things happened across processes.
 */
final class Napper extends JvmProcess {
    private static final long serialVersionUID = 1L;

    private final long sleepMillis;
    private final int exitValue;
    private final String log;

    Napper(String name, long sleepMillis, int exitValue, Path log) {
        super(name);
        this.sleepMillis = sleepMillis;
        this.exitValue = exitValue;
        this.log = log == null ? null : log.toString();
    }

    Napper(String name, long sleepMillis) {
        this(name, sleepMillis, 0, null);
    }

    long sleepMillis() {
        return sleepMillis;
    }

    @Override
    public void run() {
        if (JvmProcess.current().isEmpty()) {
            throw new IllegalStateException("Napper.run() was called in the test JVM itself:"
                    + " call start() to run it in a child process, never run()");
        }
        record("begin");
        try {
            Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        record("end");
        if (exitValue != 0) {
            System.exit(exitValue);
        }
    }

    private void record(String what) {
        if (log != null) {
            EventLog.record(Path.of(log), name() + " " + what + " " + System.currentTimeMillis());
        }
    }
}
