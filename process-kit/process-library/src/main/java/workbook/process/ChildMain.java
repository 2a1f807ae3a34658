package workbook.process;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point of every child JVM that a {@link JvmProcess} starts. Not for direct use.
 *
 * <p>It rebuilds the object the parent sent (from a file the parent wrote), deletes that file as
 * the sign that the child started, and calls {@code run()}. When {@code run()} returns, {@code main}
 * returns and the JVM exits with 0 once its non-daemon threads have finished; an exception thrown by
 * {@code run()} is printed and the JVM exits with 1; {@code System.exit(n)} exits with n. These are
 * the same exit codes Python gives a child process.
 */
public final class ChildMain {

    /** Exit value when the object could not be rebuilt; the parent reports it at join(). */
    static final int CANNOT_REBUILD = 1;

    private ChildMain() {
    }

    /**
     * @param args exactly one: the path of the file that holds the serialized object
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("ChildMain is started by JvmProcess.start() with one argument, the state file;"
                    + " got " + args.length + " arguments");
            System.exit(CANNOT_REBUILD);
        }
        Path stateFile = Path.of(args[0]);
        JvmProcess process;
        // FileInputStream rather than Files.newInputStream: its classes are loaded at every JVM's start, while
        // the NIO channel classes behind Files.newInputStream would cost this child 3-4 ms more (bin/bench-start).
        try (InputStream file = new FileInputStream(stateFile.toFile());
             ObjectInputStream in = new ObjectInputStream(file)) {
            process = (JvmProcess) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            System.err.println("the child JVM could not rebuild the object to run from " + stateFile
                    + ": " + e + " (is its class on the class path, and unchanged since the parent started?)");
            System.exit(CANNOT_REBUILD);
            return;
        }
        Files.delete(stateFile);
        JvmProcess.becomeCurrent(process);
        process.run();
    }
}
