package workbook.testsupport;

import java.util.Objects;

/**
 * One graded exercise of a module: what the scoreboard, the grader and the lesson agree on.
 *
 * @param id {@code "<module>.<number>"}, such as {@code "1.3"}
 * @param title a few words that say what the student builds
 * @param points what the exercise is worth; earned when every one of its tests passes
 * @param hint the nudge shown when the exercise is the next one to do
 */
public record ExerciseSpec(String id, String title, int points, String hint) {
    public ExerciseSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(hint, "hint");
        if (!id.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("exercise id must look like 1.3, got '" + id + "'");
        }
        if (points <= 0) {
            throw new IllegalArgumentException("exercise " + id + " must be worth at least one point, got " + points);
        }
        if (hint.isBlank()) {
            throw new IllegalArgumentException("exercise " + id + " needs a hint");
        }
    }
}
