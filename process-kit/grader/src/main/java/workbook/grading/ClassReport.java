package workbook.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}, next to {@code gradebook.csv}: the class at a glance, for the instructor who would
 * rather look than read a spreadsheet. A histogram of the totals, each exercise's pass rate with the
 * failure most submissions met first, and the submissions that need a person: score withheld, not graded,
 * processes left running, modules that did not compile.
 *
 * <p>One static file with inline CSS and SVG, and a content security policy that forbids loading anything:
 * it opens from disk, from an artifact or from a mail attachment, on a machine without network, and
 * nothing in it can call out. Every name in it is escaped (a submission's folder name is the student's
 * choice). It names no hidden test: {@link ClassRecord} keeps only a hidden failure's kind. It is also
 * well-formed XML, so that a test can parse it.
 */
final class ClassReport {

    private static final int BINS = 10;
    /** How many kinds of first failure an exercise's row shows, most common first (ties by name). */
    private static final int SHOWN_FAILURES = 3;

    private ClassReport() {
    }

    static String html(ClassResults results) {
        List<ClassRecord> all = results.records();
        List<ClassRecord> graded = all.stream().filter(r -> r.notGraded().isEmpty()).toList();
        int possible = all.stream().mapToInt(ClassRecord::possible).max().orElse(0);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<title>Class report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Class report</h1>\n<p class=\"lead\">").append(all.size()).append(" submissions, ").append(graded.size())
                .append(" graded").append(graded.isEmpty() ? "" : String.format(Locale.ROOT, "; mean %.1f, median %s of %d points",
                        graded.stream().mapToInt(ClassRecord::points).average().orElse(0), median(graded), possible))
                .append(".</p>\n");
        h.append("<h2>Total scores</h2>\n").append(histogram(graded, possible));
        h.append("<h2>Exercises</h2>\n").append(exercises(graded));
        h.append("<h2>Submissions to look at</h2>\n");
        section(h, "Score withheld (changed files of the grader)", all.stream().filter(ClassRecord::withheld).map(r -> item(r, "")).toList());
        section(h, "Not graded", all.stream().filter(r -> !r.notGraded().isEmpty()).map(r -> item(r, r.notGraded())).toList());
        section(h, "Left processes running (killed by the grader)", all.stream().filter(r -> r.leftovers() > 0)
                .map(r -> item(r, r.leftovers() + (r.leftovers() == 1 ? " process" : " processes"))).toList());
        section(h, "Did not compile", all.stream().filter(r -> !r.notCompiled().isEmpty())
                .map(r -> item(r, String.join(", ", r.notCompiled()))).toList());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** @return an SVG bar chart: how many graded submissions fall in each tenth of the points */
    static String histogram(List<ClassRecord> graded, int possible) {
        int width = Math.max(1, (possible + BINS) / BINS);
        int bins = possible / width + 1;
        int[] counts = new int[bins];
        graded.forEach(r -> counts[Math.min(bins - 1, Math.max(0, r.points()) / width)]++);
        int highest = java.util.Arrays.stream(counts).max().orElse(0);
        int chartWidth = 760;
        int chartHeight = 220;
        int barWidth = (chartWidth - 40) / bins;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"histogram\" role=\"img\" width=\"").append(chartWidth).append("\" height=\"").append(chartHeight + 50)
                .append("\" viewBox=\"0 0 ").append(chartWidth).append(' ').append(chartHeight + 50)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>Histogram of total scores</title>\n");
        s.append("<line x1=\"30\" y1=\"").append(chartHeight).append("\" x2=\"").append(chartWidth - 10).append("\" y2=\"")
                .append(chartHeight).append("\" class=\"axis\"/>\n");
        for (int b = 0; b < bins; b++) {
            int barHeight = highest == 0 ? 0 : (int) Math.round((chartHeight - 30) * (double) counts[b] / highest);
            int x = 35 + b * barWidth;
            int low = b * width;
            int high = Math.min(possible, low + width - 1);
            s.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(chartHeight - barHeight).append("\" width=\"")
                    .append(barWidth - 6).append("\" height=\"").append(barHeight).append("\"><title>").append(counts[b])
                    .append(" with ").append(low == high ? low : low + "-" + high).append(" points</title></rect>\n");
            s.append("<text class=\"count\" x=\"").append(x + (barWidth - 6) / 2).append("\" y=\"").append(chartHeight - barHeight - 6)
                    .append("\">").append(counts[b]).append("</text>\n");
            s.append("<text class=\"label\" x=\"").append(x + (barWidth - 6) / 2).append("\" y=\"").append(chartHeight + 18).append("\">")
                    .append(low == high ? Integer.toString(low) : low + "\u2013" + high).append("</text>\n");
        }
        s.append("<text class=\"label\" x=\"").append(chartWidth / 2).append("\" y=\"").append(chartHeight + 42)
                .append("\">total points (of ").append(possible).append(")</text>\n</svg>\n");
        return s.toString();
    }

    /**
     * @return a table: each exercise, its pass rate (among graded submissions) as a bar, and the first
     *     failures most of the others met: the one test or kind of outcome to talk about in class
     */
    static String exercises(List<ClassRecord> graded) {
        Map<String, List<ClassRecord.ExerciseOutcome>> byExercise = new LinkedHashMap<>();
        for (ClassRecord r : graded) {
            for (ClassRecord.ExerciseOutcome e : r.exercises()) {
                byExercise.computeIfAbsent(e.module() + "\u0000" + e.id(), k -> new ArrayList<>()).add(e);
            }
        }
        StringBuilder t = new StringBuilder("<table class=\"exercises\">\n<thead><tr><th>exercise</th><th>points</th>"
                + "<th>pass rate</th><th>passed</th><th>most common first failure</th></tr></thead>\n<tbody>\n");
        for (List<ClassRecord.ExerciseOutcome> outcomes : byExercise.values()) {
            ClassRecord.ExerciseOutcome first = outcomes.get(0);
            long passed = outcomes.stream().filter(ClassRecord.ExerciseOutcome::passed).count();
            int percent = (int) Math.round(100.0 * passed / outcomes.size());
            Map<String, Integer> failures = new TreeMap<>();
            outcomes.stream().filter(e -> !e.passed()).forEach(e -> failures.merge(e.firstFailure().isEmpty() ? "score withheld" : e.firstFailure(), 1, Integer::sum));
            List<String> common = failures.entrySet().stream()
                    .sorted(Comparator.comparingInt(Map.Entry<String, Integer>::getValue).reversed().thenComparing(Map.Entry::getKey))
                    .limit(SHOWN_FAILURES)
                    .map(f -> "<code>" + escape(f.getKey()) + "</code> <span class=\"muted\">(" + f.getValue() + " of "
                            + (outcomes.size() - passed) + ")</span>")
                    .toList();
            t.append("<tr><td><b>").append(escape(first.id())).append("</b> ").append(escape(first.title()))
                    .append(" <span class=\"muted\">").append(escape(first.module())).append("</span></td><td class=\"num\">")
                    .append(first.possible()).append("</td><td><div class=\"rate\"><div class=\"fill\" style=\"width:").append(percent)
                    .append("%\"></div></div></td><td class=\"num\">").append(percent).append("% <span class=\"muted\">(").append(passed)
                    .append('/').append(outcomes.size()).append(")</span></td><td>")
                    .append(common.isEmpty() ? "<span class=\"muted\">none</span>" : String.join("<br/>", common)).append("</td></tr>\n");
        }
        return t.append("</tbody>\n</table>\n").toString();
    }

    private static void section(StringBuilder h, String title, List<String> items) {
        h.append("<h3>").append(escape(title)).append(" <span class=\"muted\">(").append(items.size()).append(")</span></h3>\n");
        if (items.isEmpty()) {
            h.append("<p class=\"muted\">none</p>\n");
            return;
        }
        h.append("<ul>\n");
        items.forEach(i -> h.append("<li>").append(i).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static String item(ClassRecord r, String detail) {
        return "<code>" + escape(r.submission()) + "</code>" + (detail.isEmpty() ? "" : ": " + escape(detail));
    }

    private static String median(List<ClassRecord> graded) {
        int[] points = graded.stream().mapToInt(ClassRecord::points).sorted().toArray();
        int n = points.length;
        double median = n % 2 == 1 ? points[n / 2] : (points[n / 2 - 1] + points[n / 2]) / 2.0;
        return median == Math.rint(median) ? Integer.toString((int) median) : String.format(Locale.ROOT, "%.1f", median);
    }

    /** @return text safe in HTML content and attribute values */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 2em auto; max-width: 1100px; padding: 0 1em; }
            h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; }
            h3 { margin: 1.2em 0 0.3em; font-size: 1em; }
            .lead { color: #57606a; margin-top: 0; }
            .muted { color: #6e7781; font-weight: normal; }
            .histogram .bar { fill: #0969da; } .histogram .axis { stroke: #8c959f; }
            .histogram text { font-size: 12px; text-anchor: middle; fill: #1f2328; } .histogram .count { font-weight: 600; }
            table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
            th { font-size: 13px; color: #57606a; } td.num { text-align: right; white-space: nowrap; }
            .rate { width: 160px; height: 12px; background: #ffebe9; border-radius: 6px; overflow: hidden; margin-top: 5px; }
            .rate .fill { height: 100%; background: #1a7f37; }
            code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
            ul { margin-top: 0.2em; }
            """;
}
