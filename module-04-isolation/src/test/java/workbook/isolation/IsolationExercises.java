package workbook.isolation;

import java.util.List;
import workbook.testsupport.ExerciseCatalog;
import workbook.testsupport.ExerciseSpec;

/** The exercises of module 04, in the order to do them, with their points and hints. */
public final class IsolationExercises implements ExerciseCatalog {

    @Override
    public String module() {
        return "module-04-isolation";
    }

    @Override
    public List<ExerciseSpec> exercises() {
        return List.of(
                new ExerciseSpec("4.1", "A static counter changed in a child", 2,
                        "Give JvmProcess a Task lambda that reads StaticCounter, adds, and prints '<pid> <before> <after>';"
                                + " captureOutput() before start(), join(), then parse output(). Never touch StaticCounter in the parent."),
                new ExerciseSpec("4.2", "Static initialisers run in every JVM: the main guard", 2,
                        "Record STARTED in main, not in a static initialiser (every worker JVM runs those again)."
                                + " Start all the Workers, then join every one, then record FINISHED."),
                new ExerciseSpec("4.3", "Send a computed result back from a child", 2,
                        "The child computes its own copy of the job: have it serialize that copy into a file the parent"
                                + " created (pass the path as a String), and read the file back after join()."),
                new ExerciseSpec("4.4", "A child's own environment and working directory", 2,
                        "Use ProcessBuilder with JavaCommand.forClass(...): directory(...) sets the child's working"
                                + " directory, environment() is the child's copy to put into and remove from."
                                + " System.setProperty(\"user.dir\") changes nothing for a child."),
                new ExerciseSpec("4.5", "Increment a shared file counter under a file lock", 3,
                        "Open one FileChannel (CREATE, READ, WRITE), take channel.lock() before reading and keep it until"
                                + " after writing: read, parse, truncate(0), write. synchronized and ReentrantLock only"
                                + " exclude threads of one JVM."),
                new ExerciseSpec("4.6", "N processes incrementing one counter at once", 2,
                        "Start every child first (a JvmProcess whose Task calls update.increment M times), then join"
                                + " every child, then return FileCounter.read(counterFile). Pass the path as a String."));
    }
}
