import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that the examples a lesson shows are the programs in its module, and that they print what the
 * lesson says. Run by bin/check-examples after the modules are compiled; a single-file program, so that
 * it needs nothing but a JDK.
 *
 * <p>A lesson marks an example with two HTML comments, invisible on the rendered page:
 * <pre>
 * &lt;!-- example: FirstChild --&gt;      followed by a fenced block: lines of the program
 * &lt;!-- output: FirstChild --&gt;       followed by a fenced block: what it prints
 * </pre>
 * Every non-blank line of the code block must occur in {@code src/examples/java/.../FirstChild.java}, in
 * the same order (the lesson may leave out lines, such as the class around {@code main}). The output
 * block must match the program's standard output line by line; {@code {NAME}} stands for a part that
 * varies from run to run (a pid, a time), and the same name stands for the same value each time.
 * A program whose source says {@value #SERVER} (a launcher that runs a server until Ctrl-C) has its code
 * checked here and is run by bin/check-examples itself, against the reference solutions. A source without
 * a {@code main} is a helper the examples share (module 01's {@code ProcStatus}), not an example.
 */
public final class CheckExamples {

    private static final Pattern MARKER = Pattern.compile("<!-- (example|output): ([A-Za-z][A-Za-z0-9_]*) -->");
    private static final Pattern VARYING = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final long TIMEOUT_SECONDS = 120;
    /** Marks a server launcher: its code is checked here; bin/check-examples runs it, with clients and Ctrl-C. */
    private static final String SERVER = "check-examples: a server";

    private CheckExamples() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path kit = root.resolve("process-kit/process-library/target/classes");
        int failures = 0;
        int examples = 0;
        for (int i = 1; i < args.length; i++) {
            Path module = root.resolve(args[i]);
            Map<String, String[]> blocks = blocks(module.resolve("README.md"));
            Map<String, Path> sources = sources(module.resolve("src/examples/java"));
            Set<String> names = new HashSet<>(blocks.keySet());
            names.addAll(sources.keySet());
            for (String name : names.stream().sorted().collect(Collectors.toList())) {
                examples++;
                String where = args[i] + " " + name;
                String[] block = blocks.get(name);
                Path source = sources.get(name);
                String problem;
                if (source == null) {
                    problem = "the lesson shows it, but src/examples/java has no " + name + ".java";
                } else if (Files.readString(source, StandardCharsets.UTF_8).contains(SERVER)) {
                    problem = block == null || block[0] == null ? null
                            : codeProblem(block[0], Files.readString(source, StandardCharsets.UTF_8));
                    System.out.println("check-examples: " + where + " is a server: run below, against the reference");
                } else if (block == null || block[0] == null || block[1] == null) {
                    problem = "src/examples/java has it, but the lesson lacks its '<!-- example: " + name
                            + " -->' or '<!-- output: " + name + " -->' block";
                } else {
                    problem = codeProblem(block[0], Files.readString(source, StandardCharsets.UTF_8));
                    if (problem == null) {
                        long started = System.nanoTime();
                        problem = outputProblem(block[1], run(module.resolve("target/classes"), kit, source));
                        System.out.printf("check-examples: %s ran in %.1f s%n", where, (System.nanoTime() - started) / 1e9);
                    }
                }
                if (problem != null) {
                    failures++;
                    System.out.println("check-examples: FAILED " + where + ": " + problem);
                } else {
                    System.out.println("check-examples: ok " + where);
                }
            }
        }
        System.out.println("check-examples: " + examples + " examples, " + failures + " failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    /** @return name to {code block, output block}, each the text of the fenced block after its marker */
    private static Map<String, String[]> blocks(Path lesson) throws IOException {
        List<String> lines = Files.readAllLines(lesson, StandardCharsets.UTF_8);
        Map<String, String[]> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).trim());
            if (!marker.matches()) {
                continue;
            }
            int open = i + 1;
            while (open < lines.size() && !lines.get(open).startsWith("```")) {
                open++;
            }
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).startsWith("```")) {
                close++;
            }
            if (close >= lines.size()) {
                throw new IllegalStateException(lesson + ": no fenced block after line " + (i + 1));
            }
            String text = String.join("\n", lines.subList(open + 1, close));
            blocks.computeIfAbsent(marker.group(2), k -> new String[2])[marker.group(1).equals("example") ? 0 : 1] = text;
        }
        return blocks;
    }

    /** @return the programs of {@code dir} (sources with a {@code main}), by class name; helpers they share are not examples */
    private static Map<String, Path> sources(Path dir) throws IOException {
        Map<String, Path> sources = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    if (Files.readString(file).contains("public static void main(")) {
                        sources.put(file.getFileName().toString().replace(".java", ""), file);
                    }
                }
            }
        }
        return sources;
    }

    private static String codeProblem(String shown, String source) {
        List<String> sourceLines = source.lines().map(String::strip).collect(Collectors.toList());
        int at = 0;
        for (String line : shown.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList())) {
            int found = sourceLines.subList(at, sourceLines.size()).indexOf(line);
            if (found < 0) {
                return "the lesson's code line '" + line + "' is not in the source (after the lines before it)";
            }
            at += found + 1;
        }
        return null;
    }

    private static String run(Path classes, Path kit, Path source) throws IOException, InterruptedException {
        String pkg = Files.readAllLines(source).stream().filter(l -> l.startsWith("package "))
                .map(l -> l.substring(8, l.indexOf(';')).strip() + ".").findFirst().orElse("");
        String name = pkg + source.getFileName().toString().replace(".java", "");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = Files.createTempFile("example", ".out");
        try {
            Process p = new ProcessBuilder(java.toString(), "-cp", classes + File.pathSeparator + kit, name)
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                return "\u0000still running after " + TIMEOUT_SECONDS + " s";
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? text : "\u0000exit value " + p.exitValue() + ", output:\n" + text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String outputProblem(String expected, String actual) {
        if (actual.startsWith("\u0000")) {
            return actual.substring(1);
        }
        String got = actual.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
        StringBuilder regex = new StringBuilder();
        Set<String> seen = new HashSet<>();
        Matcher m = VARYING.matcher(expected.strip());
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.strip().substring(last, m.start())));
            regex.append(seen.add(m.group(1)) ? "(?<" + m.group(1) + ">[^\\n]+?)" : "\\k<" + m.group(1) + ">");
            last = m.end();
        }
        regex.append(Pattern.quote(expected.strip().substring(last)));
        if (Pattern.compile(regex.toString()).matcher(got).matches()) {
            return null;
        }
        return "the output differs from the lesson's.\n--- the lesson shows:\n" + expected.strip() + "\n--- the program printed:\n" + got;
    }
}
