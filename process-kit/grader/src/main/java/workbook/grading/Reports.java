package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbook.testsupport.ExerciseScore;

/**
 * Writes a graded submission in the formats instructors and platforms read: Gradescope's
 * {@code results.json}, a Markdown summary for students (a GitHub job summary, say), a small
 * tab-separated score file for scripts, and the class's {@code gradebook.csv}.
 */
final class Reports {

    private Reports() {
    }

    /** Writes {@code results.json}, {@code summary.md} and {@code scores.tsv} of one submission into {@code out}. */
    static void write(SubmissionResult result, Path out) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), gradescope(result), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("summary.md"), summary(result), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("scores.tsv"), scores(result), StandardCharsets.UTF_8);
    }

    /** @return Gradescope's results format: one test entry per exercise, worth the exercise's points */
    static String gradescope(SubmissionResult result) {
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"score\": ").append(result.pointsEarned()).append(",\n");
        json.append("  \"execution_time\": ").append(result.elapsed().toSeconds()).append(",\n");
        json.append("  \"output\": ").append(string(String.join("\n", result.notes()))).append(",\n");
        json.append("  \"output_format\": \"text\",\n");
        json.append("  \"visibility\": \"visible\",\n");
        json.append("  \"stdout_visibility\": \"hidden\",\n");
        json.append("  \"tests\": [");
        String separator = "\n";
        for (SubmissionResult.ModuleResult module : result.modules()) {
            for (ExerciseScore e : module.score().exercises()) {
                List<String> output = new ArrayList<>();
                if (!module.compiled()) {
                    output.add("The module does not compile:\n" + module.compileError());
                }
                output.addAll(Feedback.lines(e));
                if (!result.trusted()) {
                    output.add("Score withheld: the submission's code changed files of the grader.");
                }
                int earned = result.trusted() ? e.pointsEarned() : 0;
                json.append(separator).append("    {")
                        .append("\"name\": ").append(string(e.spec().id() + " " + e.spec().title())).append(", ")
                        .append("\"number\": ").append(string(e.spec().id())).append(", ")
                        .append("\"score\": ").append(earned).append(", ")
                        .append("\"max_score\": ").append(e.spec().points()).append(", ")
                        .append("\"status\": ").append(string(earned == e.spec().points() ? "passed" : "failed")).append(", ")
                        .append("\"tags\": [").append(string(module.score().module())).append("], ")
                        .append("\"output\": ").append(string(String.join("\n", output))).append(", ")
                        .append("\"output_format\": \"text\", ")
                        .append("\"visibility\": \"visible\"}");
                separator = ",\n";
            }
        }
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    /** @return the Markdown summary a student may read */
    static String summary(SubmissionResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# Grade: ").append(result.pointsEarned()).append(" of ").append(result.pointsPossible()).append(" points\n\n");
        if (!result.notes().isEmpty()) {
            result.notes().forEach(n -> md.append("> ").append(n).append("\n"));
            md.append("\n");
        }
        md.append("Sandbox: ").append(result.sandbox().description()).append("\n\n");
        md.append("| module | points | exercises done |\n|---|---:|---:|\n");
        for (SubmissionResult.ModuleResult m : result.modules()) {
            md.append("| ").append(m.score().module()).append(m.compiled() ? "" : " (does not compile)")
                    .append(" | ").append(result.pointsEarned(m)).append(" / ").append(m.score().pointsPossible())
                    .append(" | ").append(m.score().exercisesDone()).append(" / ").append(m.score().exercises().size())
                    .append(" |\n");
        }
        for (SubmissionResult.ModuleResult m : result.modules()) {
            md.append("\n## ").append(m.score().module()).append(": ").append(result.pointsEarned(m))
                    .append(" of ").append(m.score().pointsPossible()).append(" points\n\n");
            if (!m.compiled()) {
                md.append("The module does not compile, so none of its tests ran:\n\n```\n")
                        .append(m.compileError().replace("```", "'''")).append("\n```\n\n");
            }
            md.append("| exercise | points | result |\n|---|---:|---|\n");
            for (ExerciseScore e : m.score().exercises()) {
                int earned = result.trusted() ? e.pointsEarned() : 0;
                md.append("| ").append(e.spec().id()).append(" ").append(cell(e.spec().title()))
                        .append(" | ").append(earned).append(" / ").append(e.spec().points())
                        .append(" | ").append(e.done() ? "done" : cell(Feedback.firstProblem(e)))
                        .append(" |\n");
            }
            m.score().nextExercise().ifPresent(next -> md.append("\nNext: ").append(next.spec().id()).append(" ")
                    .append(next.spec().title()).append(". Hint: ").append(next.spec().hint()).append("\n"));
        }
        return md.toString();
    }

    /** @return a tab-separated record of the scores, for scripts and CI */
    static String scores(SubmissionResult result) {
        StringBuilder tsv = new StringBuilder("key\tvalue\tpossible\n");
        for (SubmissionResult.ModuleResult m : result.modules()) {
            tsv.append(m.score().module()).append('\t').append(result.pointsEarned(m)).append('\t')
                    .append(m.score().pointsPossible()).append('\n');
            tsv.append(m.score().module()).append(".compiled\t").append(m.compiled()).append("\t\n");
            for (ExerciseScore e : m.score().exercises()) {
                tsv.append("exercise ").append(e.spec().id()).append('\t').append(result.trusted() ? e.pointsEarned() : 0)
                        .append('\t').append(e.spec().points()).append('\n');
            }
        }
        tsv.append("total\t").append(result.pointsEarned()).append('\t').append(result.pointsPossible()).append('\n');
        tsv.append("leftover_processes\t").append(result.leftovers()).append("\t\n");
        tsv.append("printed_megabytes\t").append(result.printedMegabytes()).append("\t\n");
        tsv.append("timed_out\t").append(result.timedOut()).append("\t\n");
        tsv.append("tampered\t").append(!result.trusted()).append("\t\n");
        tsv.append("seconds\t").append(result.elapsed().toSeconds()).append("\t\n");
        tsv.append("sandbox\t").append(result.sandbox().name().toLowerCase(java.util.Locale.ROOT)).append("\t\n");
        tsv.append("graded\t").append(result.failure().isEmpty()).append("\t\n");
        return tsv.toString();
    }

    /** @return the class's gradebook: one row a submission, per-module points and the total */
    static String gradebook(List<SubmissionResult> results) {
        StringBuilder csv = new StringBuilder(gradebookHeader(results)).append('\n');
        results.forEach(r -> csv.append(gradebookRow(r)).append('\n'));
        return csv.toString();
    }

    /** @return the gradebook's first line: the submission, each module of the results, total, possible, remarks */
    static String gradebookHeader(List<SubmissionResult> results) {
        StringBuilder csv = new StringBuilder("submission");
        List<String> modules = results.isEmpty() ? List.of()
                : results.get(0).modules().stream().map(m -> m.score().module()).toList();
        modules.forEach(m -> csv.append(',').append(csvField(m)));
        return csv.append(",total,possible,remarks").toString();
    }

    /** @return one submission's gradebook row, without its line break */
    static String gradebookRow(SubmissionResult r) {
        StringBuilder csv = new StringBuilder(csvField(r.name()));
        for (SubmissionResult.ModuleResult m : r.modules()) {
            csv.append(',').append(r.pointsEarned(m));
        }
        List<String> remarks = new ArrayList<>();
        if (!r.failure().isEmpty()) {
            remarks.add("not graded: " + r.failure());
        }
        if (r.sandbox() == Sandbox.Level.NONE && r.failure().isEmpty()) {
            remarks.add("graded without a sandbox");
        }
        r.modules().stream().filter(m -> !m.compiled()).forEach(m -> remarks.add(m.score().module() + " does not compile"));
        if (r.timedOut()) {
            remarks.add("time limit reached");
        }
        if (!r.trusted()) {
            remarks.add("tampered with the grader: score withheld");
        }
        if (r.leftovers() > 0) {
            remarks.add(r.leftovers() + " leftover processes killed");
        }
        return csv.append(',').append(r.pointsEarned()).append(',').append(r.pointsPossible())
                .append(',').append(csvField(String.join("; ", remarks))).toString();
    }

    static String csvField(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe; // a spreadsheet must not run a submission's folder name as a formula
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String cell(String text) {
        return Feedback.shorten(text).replace("|", "\\|");
    }

    /** @return {@code text} as a JSON string literal */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
