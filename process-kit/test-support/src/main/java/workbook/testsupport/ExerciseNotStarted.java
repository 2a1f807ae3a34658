package workbook.testsupport;

/**
 * The failure a test reports when the code it calls still holds {@code throw new Todo("N.M")}: it says
 * which exercise to write and where to read about it, and its stack trace is the single line to edit.
 *
 * <p>It replaces the {@link workbook.exercise.Todo} so that an exercise nobody started reads as a
 * to-do, not as a crash with fifty lines of stack trace.
 */
public final class ExerciseNotStarted extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String exerciseId;

    /**
     * @param exerciseId the exercise whose TODO was reached
     * @param lessonLink where the lesson explains it, such as {@code module-01-basics/README.md#exercise-13}
     * @param todoLine the frame that threw the TODO, if it is in the student's code
     */
    ExerciseNotStarted(String exerciseId, String lessonLink, StackTraceElement todoLine) {
        super("exercise " + exerciseId + " is not implemented yet: see " + lessonLink
                + (todoLine == null ? "" : " (the TODO to replace is at " + todoLine.getFileName() + ":" + todoLine.getLineNumber() + ")"));
        this.exerciseId = exerciseId;
        setStackTrace(todoLine == null ? new StackTraceElement[0] : new StackTraceElement[] {todoLine});
    }

    /** @return the exercise whose TODO was reached */
    public String exerciseId() {
        return exerciseId;
    }
}
