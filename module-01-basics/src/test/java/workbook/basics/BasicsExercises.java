package workbook.basics;

import java.util.List;
import workbook.testsupport.ExerciseCatalog;
import workbook.testsupport.ExerciseSpec;

/** The exercises of module 01, in the order to do them. */
public final class BasicsExercises implements ExerciseCatalog {

    @Override
    public String module() {
        return "module-01-basics";
    }

    @Override
    public List<ExerciseSpec> exercises() {
        return List.of(
                new ExerciseSpec("1.1", "Build the command line for a fresh JVM", 3,
                        "Start from System.getProperty(\"java.home\") and Path.of(home, \"bin\", \"java\"). Add one list"
                                + " element per argument and never join them into one string: no shell reads this list,"
                                + " so nothing needs quoting."),
                new ExerciseSpec("1.2", "Start a child and keep going", 2,
                        "new ProcessBuilder(command).start() returns as soon as the child exists. Do not wait for it;"
                                + " send its output to Redirect.DISCARD so that an unread pipe can never block it."),
                new ExerciseSpec("1.3", "Who am I? Pid, parent, command, start time", 2,
                        "ProcessHandle.current() is this process; handle.parent() is an Optional (the parent may be"
                                + " gone), and handle.info() has command() and startInstant(), both Optionals too."),
                new ExerciseSpec("1.4", "Read a child's output without deadlock", 3,
                        "Start reading standard output and standard error on two threads (or CompletableFuture.supplyAsync)"
                                + " before you wait; waitFor(timeout) tells you whether the child ended in time."),
                new ExerciseSpec("1.5", "How did it end? Exit codes and signals", 2,
                        "0 is normal; 128 + N for N in 1..64 names signal N; anything else is an error code."
                                + " The Python view of signal N is -N."),
                new ExerciseSpec("1.6", "Terminate a child and be sure it is gone", 3,
                        "destroy() only asks. Wait with waitFor(grace); if it returns false, destroyForcibly() and wait"
                                + " again. Never trust isAlive() straight after destroy()."),
                new ExerciseSpec("1.7", "A process class of your own", 2,
                        "Call super(name) first. Keep the report file as a String field: java.nio.file.Path is not"
                                + " Serializable and cannot travel to the child."),
                new ExerciseSpec("1.8", "List a process tree", 2,
                        "Visit a process, then its children() sorted by pid, each one level deeper: a recursive method"
                                + " that adds to one list does it."));
    }
}
