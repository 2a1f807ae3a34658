package workbook.testsupport;

import java.util.ArrayList;
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
     * @param value what follows {@code -Dexercise=}
     * @return it in words, for the board: {@code "exercise 1.3"}, {@code "exercises 1.3, 1.4"},
     *     {@code "module 2"}, {@code "exercise 1.3 and module 2"}; the value itself if it names no exercise
     */
    public static String describe(String value) {
        List<String> ids;
        try {
            ids = parse(value);
        } catch (IllegalArgumentException mistyped) {
            return value.strip();
        }
        List<String> exercises = ids.stream().filter(id -> id.contains(".")).toList();
        List<String> modules = ids.stream().filter(id -> !id.contains(".")).toList();
        List<String> parts = new ArrayList<>();
        if (!exercises.isEmpty()) {
            parts.add((exercises.size() == 1 ? "exercise " : "exercises ") + String.join(", ", exercises));
        }
        if (!modules.isEmpty()) {
            parts.add((modules.size() == 1 ? "module " : "modules ") + String.join(", ", modules));
        }
        return String.join(" and ", parts);
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
