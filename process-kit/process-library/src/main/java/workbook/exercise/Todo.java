package workbook.exercise;

import java.util.Objects;

/**
 * Marks the body of a method the student has still to write.
 *
 * <p>Every TODO in the skeleton is {@code throw new Todo("1.3");}: the code compiles, and the
 * tests of exercise 1.3 fail with a message that names the exercise instead of a bare stack trace.
 * Replace the whole statement with your implementation.
 */
public final class Todo extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final String exerciseId;

    /**
     * @param exerciseId the exercise this method belongs to, such as {@code "1.3"}
     */
    public Todo(String exerciseId) {
        super("exercise " + Objects.requireNonNull(exerciseId, "exerciseId")
                + " is not implemented yet: replace `throw new Todo(\"" + exerciseId
                + "\")` with your code (the module's README.md explains the exercise)");
        this.exerciseId = exerciseId;
    }

    /** @return the exercise id, such as {@code "1.3"} */
    public String exerciseId() {
        return exerciseId;
    }
}
