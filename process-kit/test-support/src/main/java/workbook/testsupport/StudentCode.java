package workbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the line of the student's own code in a failure: the first stack frame whose class was
 * compiled from the module's {@code src/main/java}, rather than a line of the test, the kit or the JDK.
 *
 * <p>That is the line the scoreboard tells the student to look at (the Java koans' "look at line N").
 * A class counts as the student's when its {@code .class} file lies in the module's
 * {@code target/classes}, which holds exactly what {@code src/main/java} compiled to.
 *
 * <p>The lines found for a run are kept next to its results, in
 * {@code target/workbook-results/<test class>.where} (test name, tab, location), so that the results
 * files themselves keep their format.
 */
public final class StudentCode {

    /** The extension of the files that hold, per test class, the student's line of each failure. */
    static final String WHERE_SUFFIX = ".where";

    private StudentCode() {
    }

    /**
     * @param failure what a test threw
     * @param classesDirectory the module's {@code target/classes}
     * @return where in the student's code the failure happened, such as
     *     {@code src/main/java/workbook/basics/Launcher.java:42 (Launcher.start)}; empty if it did not
     *     pass through the student's code
     */
    public static Optional<String> locate(Throwable failure, Path classesDirectory) {
        return firstStudentFrame(failure, classesDirectory).map(StudentCode::describe);
    }

    /**
     * @return the first frame of {@code failure}, then of its causes and suppressed exceptions, whose class
     *     was compiled into {@code classesDirectory}
     */
    static Optional<StackTraceElement> firstStudentFrame(Throwable failure, Path classesDirectory) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> queue = new ArrayList<>();
        queue.add(failure);
        while (!queue.isEmpty()) {
            Throwable t = queue.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isStudents(frame, classesDirectory)) {
                    return Optional.of(frame);
                }
            }
            queue.add(t.getCause());
            queue.addAll(List.of(t.getSuppressed()));
        }
        return Optional.empty();
    }

    static boolean isStudents(StackTraceElement frame, Path classesDirectory) {
        String classFile = frame.getClassName().replace('.', '/') + ".class";
        return Files.isRegularFile(classesDirectory.resolve(classFile));
    }

    /** @return the frame as a path relative to the module, with its line and method */
    static String describe(StackTraceElement frame) {
        String className = frame.getClassName();
        int lastDot = className.lastIndexOf('.');
        String packagePath = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
        String simpleName = className.substring(lastDot + 1);
        String file = frame.getFileName() != null ? frame.getFileName() : simpleName.replaceAll("\\$.*", "") + ".java";
        String line = frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "";
        String method = frame.getMethodName().startsWith("lambda$")
                ? "a lambda in " + frame.getMethodName().split("\\$")[1]
                : frame.getMethodName();
        return "src/main/java/" + packagePath + file + line + " (" + simpleName.replace('$', '.') + "." + method + ")";
    }

    /**
     * Writes the student's line of each failed test of one test class.
     *
     * @param resultsFolder the module's results folder
     * @param testClass the test class
     * @param locations test name ({@link TestRecord#test()}) to location; written in that order
     */
    static void write(Path resultsFolder, String testClass, Map<String, String> locations) {
        List<String> lines = new ArrayList<>();
        locations.forEach((test, where) -> lines.add(clean(test) + "\t" + clean(where)));
        Path file = resultsFolder.resolve(testClass + WHERE_SUFFIX);
        try {
            Files.createDirectories(resultsFolder);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook's failure locations to " + file, e);
        }
    }

    /**
     * @param moduleDirectory a module's folder
     * @param record a test result of that module
     * @return the line of the student's code where that test failed, relative to the module, if known
     */
    public static Optional<String> lineOf(Path moduleDirectory, TestRecord record) {
        return Optional.ofNullable(readAll(moduleDirectory.resolve(ResultsRecorder.RESULTS_FOLDER), record.testClass())
                .get(clean(record.test())));
    }

    static Map<String, String> readAll(Path resultsFolder, String testClass) {
        Path file = resultsFolder.resolve(testClass + WHERE_SUFFIX);
        Map<String, String> locations = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return locations;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    locations.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            // The location is a convenience; the results themselves are what count.
        }
        return locations;
    }

    private static String clean(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
