package workbook.daemon;

import java.util.List;
import workbook.testsupport.ExerciseCatalog;
import workbook.testsupport.ExerciseSpec;

/** The exercises of module 03, in the order to do them. */
public final class DaemonExercises implements ExerciseCatalog {

    @Override
    public String module() {
        return "module-03-daemon";
    }

    @Override
    public List<ExerciseSpec> exercises() {
        return List.of(
                new ExerciseSpec("3.1", "Find an orphan's new parent", 2,
                        "Look the process up with ProcessHandle.of(pid) and compare its parent() with the former"
                                + " parent. Do not assume the adopter is pid 1: report whatever parent it has now."),
                new ExerciseSpec("3.2", "The daemon rules", 2,
                        "setDaemon: remember in start() that the process was started, and refuse afterwards."
                                + " requireMayStartChildren: refuse when the running object is a DaemonProcess whose"
                                + " flag is set, and only then."),
                new ExerciseSpec("3.3", "A daemon dies with its parent", 3,
                        "Read System.in until read() returns -1 (available() == 0 is not end-of-file), then call"
                                + " System.exit(PARENT_GONE). A shutdown hook in the parent does not run on SIGKILL; the"
                                + " closed pipe always arrives."),
                new ExerciseSpec("3.4", "Read a process's state", 2,
                        "Read /proc/<pid>/stat with Files.readString; the state letter comes two characters after the"
                                + " LAST ')' of the line, because the command name may contain spaces and parentheses."),
                new ExerciseSpec("3.5", "Reap a zombie", 2,
                        "A zombie is already dead: killing it does nothing. End its parent (ProcessHandle.parent(),"
                                + " destroy()), then poll ProcessState.of(pid) until it is empty or time is up."),
                new ExerciseSpec("3.6", "Clean up on a polite request", 2,
                        "Register a shutdown hook (Runtime.getRuntime().addShutdownHook) that deletes the file BEFORE"
                                + " you create it, then sleep forever. A finally block never runs when SIGTERM arrives."));
    }
}
