package workbook.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CI job shows of a student's build besides the board in its log, written when Maven exits with
 * {@code -Dworkbook.ci=true} into {@value #FOLDER} of the workbook's top folder:
 *
 * <ul>
 *   <li>{@code summary.md}: the board as Markdown, for a GitHub job summary ({@code $GITHUB_STEP_SUMMARY})
 *       or a GitLab job log;</li>
 *   <li>{@code annotations.txt}: one GitHub workflow command ({@code ::error file=...,line=...::...}) per
 *       unfinished exercise, at the line the board's {@code Look at:} names, so that the student sees the
 *       problem on their own code in the pull request or commit view;</li>
 *   <li>{@code results.json}: points and the state of every exercise, for a step that fails the job while
 *       an exercise is unfinished ({@code "unfinished": 0} when none is).</li>
 * </ul>
 *
 * <p>Why files and not lines in Maven's output: the CI workflow decides what to publish where (GitHub and
 * GitLab differ), and a shell step that prints a file is easy to read and to test. The kit stays free of
 * any one CI service. Everything comes from the same modules, scores and student lines as the board.
 */
public final class CiReport {

    /** The system property that asks for the report: {@code -Dworkbook.ci=true}. */
    public static final String PROPERTY = "workbook.ci";
    /** Where the report goes, relative to the workbook's top folder. */
    public static final String FOLDER = "target/workbook-ci";

    /** A location written by {@link StudentCode}: {@code src/main/java/a/B.java:42 (B.m)}. */
    private static final Pattern WHERE = Pattern.compile("^(\\S+?)(?::(\\d+))?(?: \\((.*)\\))?$");

    private CiReport() {
    }

    /** Writes the three files for the modules of a build into {@code root/}{@value #FOLDER}. */
    static void write(Path root, List<Scoreboard.Module> modules) throws IOException {
        Path folder = Files.createDirectories(root.resolve(FOLDER));
        Files.writeString(folder.resolve("summary.md"), markdown(modules), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("annotations.txt"), String.join("\n", annotations(modules)) + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("results.json"), json(modules), StandardCharsets.UTF_8);
    }

    /** @return the board as Markdown: the total, a table per module that ran, and what to do next */
    static String markdown(List<Scoreboard.Module> modules) {
        StringBuilder md = new StringBuilder();
        md.append("## Workbook: ").append(progress(modules)).append("\n\n");
        md.append("| module | points | exercises done |\n|---|---:|---:|\n");
        for (Scoreboard.Module m : modules) {
            md.append("| ").append(m.name()).append(" | ");
            if (m.score().isPresent()) {
                ModuleScore s = m.score().get();
                md.append(s.pointsEarned()).append(" / ").append(s.pointsPossible()).append(" | ")
                        .append(s.exercisesDone()).append(" / ").append(s.exercises().size());
            } else {
                md.append(brokenNow(m) ? "**does not compile**" : "not built").append(" | ");
            }
            md.append(m.builtNow() || m.score().isEmpty() ? "" : " (earlier run)").append(" |\n");
        }
        for (Scoreboard.Module m : modules) {
            if (!m.builtNow() || m.score().isEmpty()) {
                continue;
            }
            md.append("\n### ").append(m.name()).append("\n\n| | exercise | points | first problem | look at |\n|---|---|---:|---|---|\n");
            for (ExerciseScore e : m.score().get().exercises()) {
                Optional<TestRecord> problem = e.done() ? Optional.empty() : Scoreboard.problemOf(e, m.todos());
                md.append("| ").append(Scoreboard.state(e, m.todos()).strip()).append(" | ").append(e.spec().id()).append(' ')
                        .append(cell(e.spec().title())).append(" | ").append(e.pointsEarned()).append(" / ").append(e.spec().points())
                        .append(" | ").append(problem.map(CiReport::problemText).map(CiReport::cell).orElse(""))
                        .append(" | ").append(problem.flatMap(p -> StudentCode.lineOf(m.directory(), p))
                                .map(w -> "`" + m.name() + "/" + w.replace("`", "'") + "`").orElse(""))
                        .append(" |\n");
            }
            m.score().get().nextExercise().ifPresent(next -> md.append("\n**Next:** exercise ").append(next.spec().id())
                    .append(", ").append(cell(next.spec().title())).append(". Hint: ").append(cell(next.spec().hint()))
                    .append(" Lesson: `").append(Lesson.link(m.directory(), next.spec().id())).append("`. Re-run: `./mvnw test -Dexercise=")
                    .append(next.spec().id()).append("`\n"));
        }
        return md.toString();
    }

    /**
     * @return one GitHub workflow command per unfinished exercise of the modules that ran (at the student's
     *     line when the failure went through their code), and one per module that did not compile.
     *     GitHub shows at most ten error annotations per step; they come in exercise order, so the first
     *     ones shown are those to do next.
     */
    static List<String> annotations(List<Scoreboard.Module> modules) {
        List<String> lines = new ArrayList<>();
        for (Scoreboard.Module m : modules) {
            if (brokenNow(m)) {
                lines.add("::error title=" + property(m.name() + " does not compile") + "::"
                        + data("Its tests could not run. The compiler's [ERROR] lines in the log give the file and line of each error."));
            }
            if (!m.builtNow() || m.score().isEmpty()) {
                continue;
            }
            for (ExerciseScore e : m.score().get().exercises()) {
                if (e.done()) {
                    continue;
                }
                Optional<TestRecord> problem = Scoreboard.problemOf(e, m.todos());
                String title = "Exercise " + e.spec().id() + " " + e.spec().title() + " (" + e.spec().points() + " points)";
                String message = problem.map(CiReport::problemText).orElse("its tests did not run in this build")
                        + " Re-run: ./mvnw test -pl " + m.name() + " -am -Dexercise=" + e.spec().id();
                StringBuilder command = new StringBuilder("::error ");
                Scoreboard.lookAt(m, e).map(WHERE::matcher).filter(Matcher::matches)
                        .ifPresent(w -> {
                            command.append("file=").append(property(m.name() + "/" + w.group(1))).append(',');
                            if (w.group(2) != null) {
                                command.append("line=").append(w.group(2)).append(',');
                            }
                        });
                lines.add(command.append("title=").append(property(title)).append("::").append(data(message)).toString());
            }
        }
        return lines;
    }

    /** @return the points and every exercise's state, as JSON; {@code unfinished} counts what a strict course fails on */
    static String json(List<Scoreboard.Module> modules) {
        int earned = 0;
        int possible = 0;
        int unfinished = 0;
        StringBuilder body = new StringBuilder();
        String moduleSeparator = "\n    ";
        for (Scoreboard.Module m : modules) {
            body.append(moduleSeparator).append("{\"module\": ").append(string(m.name()))
                    .append(", \"ran\": ").append(m.builtNow()).append(", \"compiled\": ").append(!brokenNow(m));
            if (brokenNow(m)) {
                unfinished++;
            }
            if (m.score().isPresent()) {
                ModuleScore s = m.score().get();
                earned += s.pointsEarned();
                possible += s.pointsPossible();
                unfinished += s.exercises().size() - (int) s.exercisesDone();
                body.append(", \"points\": ").append(s.pointsEarned()).append(", \"possible\": ").append(s.pointsPossible())
                        .append(", \"exercises\": [");
                String separator = "";
                for (ExerciseScore e : s.exercises()) {
                    body.append(separator).append("\n      {\"id\": ").append(string(e.spec().id()))
                            .append(", \"title\": ").append(string(e.spec().title()))
                            .append(", \"points\": ").append(e.pointsEarned()).append(", \"possible\": ").append(e.spec().points())
                            .append(", \"state\": ").append(string(Scoreboard.state(e, m.todos()).strip().toLowerCase(Locale.ROOT))).append('}');
                    separator = ",";
                }
                body.append("]");
            }
            body.append('}');
            moduleSeparator = ",\n    ";
        }
        return "{\n  \"points\": " + earned + ",\n  \"possible\": " + possible + ",\n  \"unfinished\": " + unfinished
                + ",\n  \"modules\": [" + body + "\n  ]\n}\n";
    }

    private static boolean brokenNow(Scoreboard.Module m) {
        return m.builtNow() && m.score().isEmpty() && Scoreboard.hasExercises(m.directory());
    }

    private static String progress(List<Scoreboard.Module> modules) {
        List<ModuleScore> scores = modules.stream().map(Scoreboard.Module::score).flatMap(Optional::stream).toList();
        return scores.stream().mapToInt(ModuleScore::pointsEarned).sum() + " / " + scores.stream().mapToInt(ModuleScore::pointsPossible).sum()
                + " points, " + scores.stream().mapToLong(ModuleScore::exercisesDone).sum() + " / "
                + scores.stream().mapToLong(s -> s.exercises().size()).sum() + " exercises complete";
    }

    private static String problemText(TestRecord problem) {
        String id = problem.exercise();
        if (problem.message().contains("exercise " + id + " is not implemented yet")) {
            return "Not started: the method still throws new Todo(\"" + id + "\").";
        }
        String test = problem.testClass().substring(problem.testClass().lastIndexOf('.') + 1) + "." + problem.test().replaceFirst(" \\(.*", "");
        String message = problem.message().isBlank() ? problem.status().toString() : problem.message();
        return "Failed: " + test + ": " + (message.length() > 300 ? message.substring(0, 297) + "..." : message);
    }

    /** @return text for one Markdown table cell: one line, no column break, no HTML */
    private static String cell(String text) {
        return text.replaceAll("\\s+", " ").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").strip();
    }

    /** GitHub's escaping of a workflow command's message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of a workflow command's property value. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
