package workbook.grading;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surefire's one line per test class in Maven's own log ("Tests run: 5, Failures: 1, ... -- in
 * workbook.basics.LauncherTest"): a third record of the run, and the one hardest for student code to
 * reach. The grading build sends the tests' output to files ({@code redirectTestOutputToFile}), so what
 * student code prints does not appear in Maven's log, and the log itself is written by the grader
 * from Maven's pipe.
 */
final class ConsoleSummary {

    private static final Pattern LINE = Pattern.compile(
            "^\\[(?:INFO|WARNING|ERROR)\\] Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+),.* -- in ([\\w.$]+)$");

    /**
     * One class's line.
     *
     * @param tests how many tests ran
     * @param problems how many failed, erred or were skipped
     */
    record ClassLine(int tests, int problems) {
    }

    /** What a class with conflicting lines gets: a count no report can match. */
    static final ClassLine CONFLICTING = new ClassLine(-1, -1);

    private final Map<String, ClassLine> byClass = new HashMap<>();

    /**
     * Adds the lines of a build's log; a later log (the second pass) replaces earlier lines of the same class.
     * Surefire writes one line per class and run: a class with two lines in one log had one forged, and
     * none of its lines is believed.
     */
    ConsoleSummary add(String log) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : log.split("\n")) {
            Matcher m = LINE.matcher(line.stripTrailing());
            if (m.find()) {
                String cls = m.group(5);
                int dollar = cls.indexOf('$');
                String top = dollar < 0 ? cls : cls.substring(0, dollar);
                int problems = Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4));
                boolean again = !seen.add(cls);
                byClass.put(top, again ? CONFLICTING : new ClassLine(Integer.parseInt(m.group(1)), problems));
            }
        }
        return this;
    }

    Optional<ClassLine> of(String topLevelClass) {
        return Optional.ofNullable(byClass.get(topLevelClass));
    }
}
