package workbook.join;

import java.util.List;
import workbook.testsupport.ExerciseCatalog;
import workbook.testsupport.ExerciseSpec;

/** The exercises of module 02, in the order to do them. */
public final class JoinExercises implements ExerciseCatalog {

    @Override
    public String module() {
        return "module-02-join";
    }

    @Override
    public List<ExerciseSpec> exercises() {
        return List.of(
                new ExerciseSpec("2.1", "Join turns asynchronous into synchronous", 2,
                        "start() returns at once: record CHILD_STARTED right after it, then join() the child,"
                                + " then record CHILD_JOINED and return child.exitStatus()."),
                new ExerciseSpec("2.2", "Join with a timeout", 2,
                        "Check the timeout first (negative: IllegalArgumentException). Process.waitFor(long, TimeUnit)"
                                + " returns false when the time is up: return Optional.empty() then, and do not destroy the child."),
                new ExerciseSpec("2.3", "Start all, then join all", 3,
                        "Two loops: the first only starts, the second joins every child in start order. Joining inside"
                                + " the start loop runs the children one after another; joining only the last returns too early."),
                new ExerciseSpec("2.4", "One deadline for the group, fail fast", 4,
                        "Turn each child's end into a future with onExit(); wait for allOf(...) or the first failure with"
                                + " one get(remaining time); stop whatever is still running in a finally block."),
                new ExerciseSpec("2.5", "Many writers, one file", 3,
                        "Open the file in append mode (new FileOutputStream(file, true)) and write line + \"\\n\" as one"
                                + " byte array per append. No BufferedWriter, no separate write for the line break."),
                new ExerciseSpec("2.6", "Each child its own file", 2,
                        "Start every FileMaker, join every one, and only then check each exit status and file against"
                                + " FileMaker.contentFor(index, maker.pid())."));
    }
}
