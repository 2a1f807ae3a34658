package workbook.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The exercises a run is limited to with {@code -Dexercise}: ids ({@code 1.3}), several
 * ({@code 1.3,1.4}) or whole modules by number ({@code 2}).
 *
 * <p>Kept apart from {@link ExerciseFilter}, which needs JUnit, because the scoreboard reads it too,
 * in Maven's JVM, where JUnit is not on the class path.
 */
public final class ExerciseSelection {

    /** The system property (Maven's {@code -D}) that names the exercises to run. */
    public static final String PROPERTY = "exercise";

    private ExerciseSelection() {
    }

    /**
     * @return the exercise ids or module numbers given with {@code -Dexercise}, if any
     * @throws IllegalArgumentException if the property is set but names no exercise, with what to type
     */
    public static Optional<List<String>> fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(value));
    }

    /**
     * @param value what follows {@code -Dexercise=}
     * @return the exercise ids and module numbers it names
     * @throws IllegalArgumentException if it names no exercise, with what to type instead
     */
    public static List<String> parse(String value) {
        List<String> ids = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String id : ids) {
            if (!id.matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not an exercise: write an exercise id"
                        + " such as -D" + PROPERTY + "=1.3, several as -D" + PROPERTY + "=1.3,1.4, or a whole module as -D"
                        + PROPERTY + "=1");
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " names no exercise: write an exercise id such as -D"
                    + PROPERTY + "=1.3");
        }
        return ids;
    }

    /**
     * @param exercise an exercise id, such as {@code "1.3"}
     * @param wanted ids ({@code "1.3"}) or module numbers ({@code "1"}, {@code "01"})
     * @return whether the exercise is one of those wanted
     */
    public static boolean matches(String exercise, List<String> wanted) {
        for (String w : wanted) {
            if (w.contains(".") ? sameId(exercise, w) : sameModule(exercise, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameId(String exercise, String wanted) {
        String[] a = exercise.split("\\.");
        String[] b = wanted.split("\\.");
        return a.length == 2 && b.length == 2 && number(a[0]) == number(b[0]) && number(a[1]) == number(b[1]);
    }

    private static boolean sameModule(String exercise, String module) {
        String[] a = exercise.split("\\.");
        return a.length == 2 && number(a[0]) == number(module);
    }

    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
