package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A class's graded records as {@code bin/grade --class} leaves them in {@value #FILE}: the file a shard
 * hands to {@code bin/gradebook merge}, and what {@code gradebook.csv} and {@code report.html} are written
 * from, in one run and in a merge alike. That one path is why a merge gives exactly what one run gives.
 *
 * <p>The file is line-based text: a few header lines, then per submission a {@code record} line, one
 * line per fact and {@code end}. Tabs separate fields; a backslash escapes tab, line breaks and itself,
 * so that any submission name survives.
 *
 * @param shard which share of the class these records are ({@code 1/1} for a whole class, and after a merge)
 * @param classSize how many entries the whole class folder has
 * @param header the first line of {@code gradebook.csv}
 * @param records the records, by position
 */
record ClassResults(Shard shard, int classSize, String header, List<ClassRecord> records) {

    /** The file name in a class's output folder. */
    static final String FILE = "class-results.tsv";
    private static final String MAGIC = "workbook class results 1";

    ClassResults {
        records = records.stream().sorted(Comparator.comparingInt(ClassRecord::position)).toList();
    }

    /** @return the records of graded results (in the same order as their positions) */
    static ClassResults of(Shard shard, int classSize, List<Integer> positions, List<SubmissionResult> results) {
        List<ClassRecord> records = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            records.add(ClassRecord.of(positions.get(i), results.get(i)));
        }
        return new ClassResults(shard, classSize, Reports.gradebookHeader(results), records);
    }

    /** @return {@code gradebook.csv}: the header and each record's row, in class order */
    String gradebook() {
        StringBuilder csv = new StringBuilder(header).append('\n');
        records.forEach(r -> csv.append(r.gradebookRow()).append('\n'));
        return csv.toString();
    }

    /** Writes {@value #FILE}, {@code gradebook.csv} and {@code report.html} into {@code out}. */
    void publish(Path out) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve(FILE), text(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("gradebook.csv"), gradebook(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("report.html"), ClassReport.html(this), StandardCharsets.UTF_8);
    }

    /**
     * @param shards the shards' records, in any order
     * @return the whole class: every shard 1..N of the same N present once, every position of the class
     *     present once
     * @throws IllegalArgumentException when a shard is missing, repeated or from another class
     */
    static ClassResults merge(List<ClassResults> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard to merge");
        }
        int count = shards.get(0).shard().count();
        int size = shards.get(0).classSize();
        boolean[] seenShard = new boolean[count + 1];
        List<ClassRecord> all = new ArrayList<>();
        String header = "";
        for (ClassResults s : shards) {
            if (s.shard().count() != count || s.classSize() != size) {
                throw new IllegalArgumentException("shard " + s.shard() + " of a class of " + s.classSize()
                        + " does not belong with shard " + shards.get(0).shard() + " of a class of " + size);
            }
            if (seenShard[s.shard().index()]) {
                throw new IllegalArgumentException("shard " + s.shard() + " is given twice");
            }
            seenShard[s.shard().index()] = true;
            if (!s.records().isEmpty()) {
                if (!header.isEmpty() && !header.equals(s.header())) {
                    throw new IllegalArgumentException("shard " + s.shard() + " graded other modules: " + s.header());
                }
                header = s.header();
            }
            all.addAll(s.records());
        }
        for (int i = 1; i <= count; i++) {
            if (!seenShard[i]) {
                throw new IllegalArgumentException("shard " + i + "/" + count + " is missing");
            }
        }
        all.sort(Comparator.comparingInt(ClassRecord::position));
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).position() != k) {
                throw new IllegalArgumentException("the shards do not hold the class's entry " + k + " exactly once");
            }
        }
        if (all.size() != size) {
            throw new IllegalArgumentException("the shards hold " + all.size() + " of the class's " + size + " entries");
        }
        return new ClassResults(Shard.ALL, size, header.isEmpty() ? shards.get(0).header() : header, all);
    }

    String text() {
        StringBuilder t = new StringBuilder(MAGIC).append('\n');
        line(t, "shard", shard.toString());
        line(t, "class-size", Integer.toString(classSize));
        line(t, "header", header);
        for (ClassRecord r : records) {
            line(t, "record", Integer.toString(r.position()), r.submission());
            line(t, "row", r.gradebookRow());
            line(t, "points", Integer.toString(r.points()), Integer.toString(r.possible()));
            line(t, "not-graded", r.notGraded());
            line(t, "withheld", Boolean.toString(r.withheld()));
            line(t, "leftovers", Integer.toString(r.leftovers()));
            r.notCompiled().forEach(m -> line(t, "not-compiled", m));
            for (ClassRecord.ExerciseOutcome e : r.exercises()) {
                line(t, "exercise", e.module(), e.id(), e.title(), Integer.toString(e.earned()), Integer.toString(e.possible()), e.firstFailure());
            }
            line(t, "end");
        }
        return t.toString();
    }

    /** @return the records written by {@link #publish(Path)} into a class's output folder */
    static ClassResults read(Path out) throws IOException {
        Path file = out.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(out + " holds no " + FILE + " (is it the output of bin/grade --class?)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new IllegalArgumentException(file + " is not a class results file");
        }
        Shard shard = Shard.ALL;
        int size = 0;
        String header = "";
        List<ClassRecord> records = new ArrayList<>();
        Builder current = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = fields(line);
            switch (f[0]) {
                case "shard" -> shard = Shard.parse(f[1]);
                case "class-size" -> size = Integer.parseInt(f[1]);
                case "header" -> header = f[1];
                case "record" -> current = new Builder(Integer.parseInt(f[1]), f[2]);
                case "row" -> current.row = f[1];
                case "points" -> {
                    current.points = Integer.parseInt(f[1]);
                    current.possible = Integer.parseInt(f[2]);
                }
                case "not-graded" -> current.notGraded = f[1];
                case "withheld" -> current.withheld = Boolean.parseBoolean(f[1]);
                case "leftovers" -> current.leftovers = Integer.parseInt(f[1]);
                case "not-compiled" -> current.notCompiled.add(f[1]);
                case "exercise" -> current.exercises.add(new ClassRecord.ExerciseOutcome(f[1], f[2], f[3],
                        Integer.parseInt(f[4]), Integer.parseInt(f[5]), f[6]));
                case "end" -> {
                    records.add(current.build());
                    current = null;
                }
                default -> throw new IllegalArgumentException(file + ": unknown line '" + f[0] + "'");
            }
        }
        return new ClassResults(shard, size, header, records);
    }

    private static final class Builder {
        private final int position;
        private final String submission;
        private String row = "";
        private int points;
        private int possible;
        private String notGraded = "";
        private boolean withheld;
        private int leftovers;
        private final List<String> notCompiled = new ArrayList<>();
        private final List<ClassRecord.ExerciseOutcome> exercises = new ArrayList<>();

        Builder(int position, String submission) {
            this.position = position;
            this.submission = submission;
        }

        ClassRecord build() {
            return new ClassRecord(position, submission, row, points, possible, notGraded, withheld, leftovers, notCompiled, exercises);
        }
    }

    private static void line(StringBuilder t, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            t.append(i == 0 ? "" : "\t").append(escape(fields[i]));
        }
        t.append('\n');
    }

    static String escape(String field) {
        return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** @return the line's fields, unescaped; a trailing empty field is kept */
    static String[] fields(String line) {
        String[] raw = line.split("\t", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = unescape(raw[i]);
        }
        return raw;
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char n = field.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
