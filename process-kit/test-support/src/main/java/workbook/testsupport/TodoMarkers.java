package workbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the TODOs a student has not replaced yet: every {@code throw new Todo("N.M")} left in a module's
 * {@code src/main/java}.
 *
 * <p>Why the board reads the source instead of the failure: a test sees the {@link ExerciseNotStarted}
 * only when the TODO is reached in the test's own JVM. When it is reached in a child process (3.3, 3.6) or
 * in a server's handler (5.2 to 5.4), the test sees an exit code, a closed connection or a timeout, and
 * the same exercise would read as {@code [FAIL]} although nothing was started. Detecting the TODO in each
 * child's output or exit status would need every test, child and server to cooperate, and a new exercise
 * could forget to; the source is one place that is always there and that the student edits. An exercise
 * with a TODO left still has a method to write, started or not, so {@code [todo]} is the truthful state
 * for it, and the TODO's line is where to look.
 *
 * <p>Comments are skipped ({@code //} to the end of the line, and block comments), so a TODO the student
 * commented out to keep as a reminder does not count.
 */
final class TodoMarkers {

    private static final Pattern TODO = Pattern.compile("throw\\s+new\\s+(?:workbook\\.exercise\\.)?Todo\\s*\\(\\s*\"(\\d+\\.\\d+)\"\\s*\\)");

    private TodoMarkers() {
    }

    /**
     * @param module a module's folder
     * @return for each exercise with a TODO left in {@code src/main/java}, where each one is, such as
     *     {@code src/main/java/workbook/basics/Launcher.java:33}, in path order; empty if there are none or
     *     the folder cannot be read
     */
    static Map<String, List<String>> find(Path module) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                scan(file, module.relativize(file).toString().replace('\\', '/'), found);
            }
        } catch (IOException | UncheckedIOException e) {
            // The TODOs refine the board; without them it falls back on what the tests reported.
        }
        return found;
    }

    private static void scan(Path file, String relative, Map<String, List<String>> found) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException notUtf8) {
            return;
        }
        boolean inBlockComment = false;
        for (int i = 0; i < lines.size(); i++) {
            StringBuilder code = new StringBuilder();
            String line = lines.get(i);
            int at = 0;
            while (at < line.length()) {
                if (inBlockComment) {
                    int end = line.indexOf("*/", at);
                    if (end < 0) {
                        at = line.length();
                    } else {
                        inBlockComment = false;
                        at = end + 2;
                    }
                } else {
                    int block = line.indexOf("/*", at);
                    int rest = line.indexOf("//", at);
                    if (rest >= 0 && (block < 0 || rest < block)) {
                        code.append(line, at, rest);
                        at = line.length();
                    } else if (block >= 0) {
                        code.append(line, at, block).append(' ');
                        inBlockComment = true;
                        at = block + 2;
                    } else {
                        code.append(line, at, line.length());
                        at = line.length();
                    }
                }
            }
            Matcher todo = TODO.matcher(code);
            while (todo.find()) {
                found.computeIfAbsent(todo.group(1), id -> new ArrayList<>()).add(relative + ":" + (i + 1));
            }
        }
    }
}
