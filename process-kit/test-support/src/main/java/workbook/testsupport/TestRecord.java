package workbook.testsupport;

import java.lang.reflect.Method;

/**
 * One line of a results file: which exercise a test grades, whether it is hidden, and how it went.
 *
 * @param exercise the exercise id, or empty when the test declares none (which earns nothing)
 * @param testClass the test class's fully qualified name
 * @param test the test's display name
 * @param hidden whether the test belongs to the hidden tests (its class name ends in {@code HiddenTest})
 * @param status how the test went
 * @param message the first line of the failure, or the reason it was skipped; empty when it passed
 */
public record TestRecord(String exercise, String testClass, String test, boolean hidden, Status status, String message) {

    /** The first line of every results file. */
    public static final String HEADER = "exercise\tclass\ttest\thidden\tstatus\tmessage";

    /** How a test went. */
    public enum Status {
        PASSED, FAILED, SKIPPED, MISSING;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static TestRecord of(Method method, String displayName, Status status, String message) {
        Class<?> type = method.getDeclaringClass();
        return new TestRecord(exerciseOf(method), type.getName(), method.getName() + " (" + displayName + ")",
                isHidden(type), status, message);
    }

    /** @return the exercise a test method grades: its own annotation, else its class's or an enclosing class's */
    static String exerciseOf(Method method) {
        Exercise own = method.getAnnotation(Exercise.class);
        if (own != null) {
            return own.value();
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getEnclosingClass()) {
            Exercise declared = type.getAnnotation(Exercise.class);
            if (declared != null) {
                return declared.value();
            }
        }
        return "";
    }

    static boolean isHidden(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer.getSimpleName().endsWith("HiddenTest");
    }

    /** @return this record as one tab-separated line (tabs and line breaks in fields become spaces) */
    public String toLine() {
        return String.join("\t", exercise, testClass, clean(test), Boolean.toString(hidden), status.toString(), clean(message));
    }

    /**
     * @param line a line written by {@link #toLine()}
     * @return the record it holds
     */
    public static TestRecord parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("not a results line (expected 6 tab-separated fields): " + line);
        }
        return new TestRecord(f[0], f[1], f[2], Boolean.parseBoolean(f[3]),
                Status.valueOf(f[4].toUpperCase(java.util.Locale.ROOT)), f[5]);
    }

    private static String clean(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
