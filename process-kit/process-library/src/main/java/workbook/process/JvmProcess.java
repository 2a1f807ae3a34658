package workbook.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a Java object's {@link #run()} in a fresh JVM: the workbook's counterpart of Python's
 * {@code multiprocessing.Process} with the <em>spawn</em> start method.
 *
 * <p>Use it in one of two ways, as in Python:
 * <pre>{@code
 * JvmProcess p = new JvmProcess("worker", () -> System.out.println("hello from a child"));
 * p.start();
 * p.join();
 * }</pre>
 * or by subclassing and overriding {@link #run()}, with state passed through the constructor.
 *
 * <p><b>How the object reaches the child.</b> {@link #start()} serializes this object (its fields, or
 * the target with what it captured), writes the bytes to a temporary file and starts
 * {@code java ... workbook.process.ChildMain <file>}. The child JVM loads every class afresh (static
 * initialisers run again), rebuilds the object and calls {@code run()}. The child works on a
 * <em>copy</em>: what it changes never reaches the parent; results must be sent back explicitly.
 * Fields the parent needs but the child must not get are marked {@code transient}. A subclass declares
 * {@code private static final long serialVersionUID = 1L;}: without it, the JVM derives the class's
 * version from its compiled shape, and a tool that rewrites classes in the parent only (a coverage or
 * mutation tool, an agent) makes the child refuse the bytes with an {@code InvalidClassException}.
 *
 * <p><b>Output.</b> By default the child's standard output and error are forwarded to the parent's
 * {@code System.out} and {@code System.err}. {@link #captureOutput()} keeps them instead, for
 * {@link #output()} and {@link #errorOutput()}; {@link #redirectOutput(Path)} sends standard output to a
 * file. Both streams are read from the moment the child starts, so a child that writes more than a
 * pipe holds never blocks.
 *
 * <p><b>Standard input: a deliberate difference from Python.</b> The child's standard input is a pipe
 * the parent keeps open and never writes to: it reaches end-of-file only when the parent is gone, for
 * whatever reason (the kernel closes the parent's end even after SIGKILL). That end-of-file is how a
 * child notices its parent's death within milliseconds, which is what module 03's daemons are built on.
 * The price: a child that reads {@code System.in} blocks until its parent ends. Python's
 * {@code multiprocessing} gives its children {@code /dev/null} as standard input instead, so
 * {@code input()} in a child raises {@code EOFError} at once. A child that needs input gets it through
 * its constructor, a file or a socket, not through {@code System.in}.
 *
 * <p><b>Lifecycle.</b> A process object is started once. {@link #join()} waits for the end,
 * {@link #join(Duration)} waits at most that long, {@link #terminate()} asks politely (SIGTERM on Unix:
 * shutdown hooks run), {@link #kill()} does not ask (SIGKILL). Neither waits: join afterwards.
 */
public class JvmProcess implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(1);
    private static final long OUTPUT_DRAIN_SECONDS = 2;

    /**
     * Children started here that have not yet exited. Holding them keeps their stdin pipes open: a pipe
     * whose last reference is collected is closed, and the child would see end-of-file too early.
     */
    private static final Map<Long, JvmProcess> RUNNING = new ConcurrentHashMap<>();

    /** In a child JVM: the object being run. */
    private static volatile JvmProcess current;

    private final String name;
    private final Task target;

    private transient boolean capture;
    private transient Path outputFile;
    private transient Process process;
    private transient Path stateFile;
    private transient OutputPump stdout;
    private transient OutputPump stderr;
    private transient volatile boolean stopRequested;
    private transient volatile boolean neverRan;
    private transient CompletableFuture<Void> exitHandled;

    /** For subclasses that override {@link #run()}; the name is {@code JvmProcess-N}. */
    protected JvmProcess() {
        this(null, null);
    }

    /**
     * For subclasses that override {@link #run()}.
     *
     * @param name the name, carried to the child; null for {@code JvmProcess-N}
     */
    protected JvmProcess(String name) {
        this(name, null);
    }

    /**
     * @param target what the child runs
     */
    public JvmProcess(Task target) {
        this(null, Objects.requireNonNull(target, "target must not be null: pass the code the child should run"));
    }

    /**
     * @param name the name, carried to the child; null for {@code JvmProcess-N}
     * @param target what the child runs; null only when a subclass overrides {@link #run()}
     */
    public JvmProcess(String name, Task target) {
        this.name = name != null ? name : "JvmProcess-" + NEXT_NUMBER.getAndIncrement();
        this.target = target;
    }

    /**
     * In a child JVM started by a {@code JvmProcess}: the object being run there (Python's
     * {@code current_process()}); empty in any other JVM.
     *
     * @return the object this JVM was started to run
     */
    public static Optional<JvmProcess> current() {
        return Optional.ofNullable(current);
    }

    static void becomeCurrent(JvmProcess process) {
        current = process;
    }

    /**
     * The code that runs in the child. By default it runs the target given to the constructor;
     * subclasses override it instead.
     */
    public void run() {
        if (target == null) {
            throw new IllegalStateException(describe() + " has nothing to run: pass a Task to the constructor or override run()");
        }
        target.run();
    }

    /** @return the name given at construction, the same in the parent and in the child */
    public final String name() {
        return name;
    }

    /**
     * Keep the child's standard output and error in memory, for {@link #output()} and
     * {@link #errorOutput()}, instead of forwarding them to this JVM's console. Call before start.
     *
     * @return this object
     */
    public final JvmProcess captureOutput() {
        requireNotStarted("captureOutput()");
        this.capture = true;
        return this;
    }

    /**
     * Send the child's standard output to a file (created or truncated). Call before start.
     *
     * @param file where the child's standard output goes
     * @return this object
     */
    public final JvmProcess redirectOutput(Path file) {
        requireNotStarted("redirectOutput()");
        this.outputFile = Objects.requireNonNull(file, "file must not be null");
        return this;
    }

    /**
     * JVM options of the child, placed before the class name. Subclasses may add to them
     * (for instance {@code -Dname=value}); the default is {@link JavaCommand#LEAN_JVM_OPTIONS}.
     *
     * @return the options
     */
    protected List<String> jvmOptions() {
        return JavaCommand.LEAN_JVM_OPTIONS;
    }

    /**
     * Starts the child JVM and returns at once, without waiting for the child to do anything.
     *
     * @throws IllegalStateException if this object was started before
     * @throws IllegalArgumentException if this object (or its target) cannot be carried to the child
     * @throws ChildStartException if the child JVM cannot be started
     */
    public void start() {
        if (process != null) {
            throw new IllegalStateException(describe() + " was already started (pid " + process.pid()
                    + "): a process object can be started only once; create a new one to run again");
        }
        requireSomethingToRun();
        byte[] state = serialize();
        try {
            stateFile = Files.createTempFile("jvm-process-", ".state");
            Files.write(stateFile, state);
        } catch (IOException e) {
            throw new ChildStartException(describe() + " could not write its state file for the child: " + e, e);
        }
        List<String> command = JavaCommand.forClass(ChildMain.class, jvmOptions(), List.of(stateFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (outputFile != null) {
            builder.redirectOutput(outputFile.toFile());
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(stateFile);
            throw new ChildStartException(describe() + " could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        RUNNING.put(process.pid(), this);
        exitHandled = process.onExit().thenRun(this::childExited);
        if (outputFile == null) {
            stdout = new OutputPump(process.getInputStream(), capture ? null : System.out, name + "-stdout");
        }
        stderr = new OutputPump(process.getErrorStream(), capture ? null : System.err, name + "-stderr");
    }

    /**
     * Waits until the child has ended and its output has been read.
     *
     * @throws IllegalStateException if the process was not started
     * @throws ChildStartException if the child JVM ended without reaching {@code run()}
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public final void join() throws InterruptedException {
        started("join()").waitFor();
        afterExit();
    }

    /**
     * Waits at most {@code timeout} for the child to end. The child is left running if it has not.
     *
     * @param timeout how long to wait at most; zero only looks
     * @return true if the child has ended, false if it is still running
     * @throws IllegalArgumentException if the timeout is negative
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public final boolean join(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout must not be null: use join() to wait without a limit");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        if (!started("join(timeout)").waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        afterExit();
        return true;
    }

    /** @return true between a successful start and the child's end; false before start */
    public final boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Asks the child to end: SIGTERM on Unix (its shutdown hooks run), a forcible end on Windows.
     * Returns at once; the child may still be alive for a while, so join afterwards.
     */
    public final void terminate() {
        stopRequested = true;
        started("terminate()").destroy();
    }

    /** Ends the child forcibly (SIGKILL on Unix): no shutdown hook runs. Returns at once; join afterwards. */
    public final void kill() {
        stopRequested = true;
        started("kill()").destroyForcibly();
    }

    /** @return the operating system's process id of the child */
    public final long pid() {
        if (this == current) {
            return ProcessHandle.current().pid();
        }
        return started("pid()").pid();
    }

    /** @return a handle on the child, for its descendants, its command line or its parent */
    public final ProcessHandle toHandle() {
        return started("toHandle()").toHandle();
    }

    /** @return how the child ended; empty before start and while it runs (Python's {@code exitcode is None}) */
    public final Optional<ExitStatus> exitStatus() {
        if (process == null || process.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(new ExitStatus(process.exitValue()));
    }

    /** @return a future completed with this object when the child has ended (output may still be draining) */
    public final CompletableFuture<JvmProcess> onExit() {
        return started("onExit()").onExit().thenApply(ended -> this);
    }

    /** @return what the child wrote to standard output so far; complete after {@link #join()} */
    public final String output() {
        if (!capture || outputFile != null) {
            throw new IllegalStateException(describe() + " does not keep its standard output: call captureOutput() before start()");
        }
        started("output()");
        return stdout.captured();
    }

    /** @return what the child wrote to standard error so far; complete after {@link #join()} */
    public final String errorOutput() {
        if (!capture) {
            throw new IllegalStateException(describe() + " does not keep its standard error: call captureOutput() before start()");
        }
        started("errorOutput()");
        return stderr.captured();
    }

    @Override
    public String toString() {
        String state = process == null ? "not started"
                : process.isAlive() ? "pid " + process.pid() + ", running"
                : "pid " + process.pid() + ", " + exitStatus().orElseThrow();
        return getClass().getSimpleName() + "[" + name + ", " + state + "]";
    }

    /** Runs once when the child has exited: the child deletes the state file when it reaches run(). */
    private void childExited() {
        neverRan = Files.exists(stateFile);
        deleteQuietly(stateFile);
        RUNNING.remove(process.pid());
    }

    private void afterExit() throws InterruptedException {
        exitHandled.join();
        if (stdout != null) {
            stdout.awaitEnd(OUTPUT_DRAIN_SECONDS, TimeUnit.SECONDS);
        }
        stderr.awaitEnd(OUTPUT_DRAIN_SECONDS, TimeUnit.SECONDS);
        ExitStatus status = exitStatus().orElseThrow();
        if (neverRan && !stopRequested && status.signal().isEmpty()) {
            throw new ChildStartException(describe() + " ended (" + status + ") before it reached run(). "
                    + "The child JVM said:\n" + whatTheChildSaid(), null);
        }
    }

    /** The last few KiB of the child's output: a JVM that fails early may report on either stream. */
    private String whatTheChildSaid() {
        String said = stderr.tail().strip();
        if (stdout != null && !stdout.tail().isBlank()) {
            said = (stdout.tail().strip() + "\n" + said).strip();
        }
        return said.isEmpty() ? "(nothing)" : said;
    }

    private void requireSomethingToRun() {
        if (target != null) {
            return;
        }
        try {
            Method run = getClass().getMethod("run");
            if (run.getDeclaringClass() == JvmProcess.class) {
                throw new IllegalStateException(describe() + " has nothing to run: pass a Task to the constructor or override run()");
            }
        } catch (NoSuchMethodException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(describe() + " cannot be sent to the child JVM: it holds a "
                    + e.getMessage() + ", which is not Serializable. Everything the object holds (its fields, and"
                    + " what a target lambda captures) travels to the child; make such fields transient, or pass"
                    + " plain values (strings, numbers, records that implement Serializable) instead.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(describe() + " cannot be sent to the child JVM: " + e, e);
        }
        return bytes.toByteArray();
    }

    private Process started(String operation) {
        if (process == null) {
            throw new IllegalStateException("cannot call " + operation + " on " + describe()
                    + ": it has not been started; call start() first");
        }
        return process;
    }

    private void requireNotStarted(String operation) {
        if (process != null) {
            throw new IllegalStateException(operation + " must be called before start(); " + describe() + " is already started");
        }
    }

    private String describe() {
        return getClass().getSimpleName() + " '" + name + "'";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file we could not delete is not worth failing the caller for.
        }
    }

}
