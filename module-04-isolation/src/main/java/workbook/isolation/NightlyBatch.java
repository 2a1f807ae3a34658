package workbook.isolation;

import java.util.ArrayList;
import java.util.List;
import workbook.exercise.Todo;
import workbook.process.JvmProcess;

/**
 * Exercise 4.2: a program whose work fans out to worker JVMs, with its one-time work guarded by
 * {@code main}.
 *
 * <p>Each worker is a child JVM that uses this class, so each worker loads it afresh and runs its static
 * initialiser again: with {@code n} workers the initialiser below runs {@code n + 1} times, once per JVM.
 * That is Java's version of Python re-importing the main module in every child under the <em>spawn</em>
 * start method. Anything that must happen once per program run (announcing the batch, creating files,
 * starting processes) therefore belongs in {@code main}, which only the JVM started as the program runs,
 * and never in a static initialiser, which every JVM that touches the class runs.
 *
 * <p>Every event goes to the {@link EventLog} named by the system property {@value EventLog#PROPERTY};
 * the workers get the same property, so all processes write one shared log.
 */
public final class NightlyBatch {

    /** The event the static initialiser records: once in every JVM that uses this class. */
    public static final String LOADED = "NightlyBatch initialised";
    /** The event {@code main} records once, before any worker starts. */
    public static final String STARTED = "batch started";
    /** The event {@code main} records once, after every worker has ended. */
    public static final String FINISHED = "batch finished";
    /** The largest number of workers a run accepts. */
    public static final int MAX_WORKERS = 16;

    static {
        // Given: harmless, but it shows how often a static initialiser runs. Put nothing here that
        // must happen only once.
        EventLog.record(LOADED);
    }

    private NightlyBatch() {
    }

    /**
     * @param part a worker's part number
     * @return the event a worker records when it has done its part
     */
    public static String workerDone(int part) {
        return "worker " + part + " done";
    }

    /**
     * Given: one worker of the batch, run in its own JVM. It does its part by calling into
     * {@link NightlyBatch}, which makes its JVM load and initialise that class.
     */
    public static final class Worker extends JvmProcess {
        private static final long serialVersionUID = 1L;

        private final int part;
        private final String eventLog;

        /**
         * @param part which part of the batch this worker does, from 1
         */
        public Worker(int part) {
            super("batch-worker-" + part);
            this.part = part;
            this.eventLog = System.getProperty(EventLog.PROPERTY, "");
        }

        /** The worker JVM writes to the same event log as the program that started it. */
        @Override
        protected List<String> jvmOptions() {
            List<String> options = new ArrayList<>(super.jvmOptions());
            options.add("-D" + EventLog.PROPERTY + "=" + eventLog);
            return options;
        }

        @Override
        public void run() {
            EventLog.record(workerDone(part));
        }
    }

    /**
     * Runs the batch: records {@link #STARTED} once, starts one {@link Worker} per part (parts
     * {@code 1..n}) so that they all run at the same time, waits for every one of them, and records
     * {@link #FINISHED} once, after the last worker has ended.
     *
     * <p>{@link #STARTED} must be recorded exactly once per run of the program, however many JVMs load
     * this class.
     *
     * @param args exactly one argument: the number of workers {@code n}, from 1 to {@link #MAX_WORKERS}
     * @throws IllegalArgumentException if the arguments are not one whole number in that range (the
     *         message shows the usage and what was given)
     * @throws IllegalStateException if a worker fails (the message names it and how it ended)
     * @throws InterruptedException if the main thread is interrupted while waiting for the workers
     */
    public static void main(String[] args) throws InterruptedException {
        throw new Todo("4.2");
    }
}
