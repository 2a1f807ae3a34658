import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The contract tables ({@code <module>/contracts.txt}) and where everything of an exercise lives.
 *
 * <pre>
 * java bin/Contracts.java where N.M            (bin/where N.M)
 * java bin/Contracts.java check [MODULE...]    (bin/check-contracts): exit 1 and a list of problems
 * </pre>
 *
 * <p>Why a single-file Java program run by the JDK's source launcher: it needs nothing but the JDK 17+
 * that the workbook needs anyway (no Maven run, no build of the kit: it answers in about a second), it
 * reads Java sources (the exercise catalog, test classes and their methods, {@code Todo} markers) with
 * regular expressions that stay legible, and it runs the same on Linux, macOS and Windows, where a
 * shell-and-awk version would not. It reads sources, never compiled classes, so it also works on a
 * fresh clone. The table's format is described in README.md ("The contract tables").
 *
 * <p>It reads sources with patterns, not a Java parser, and relies on the workbook's conventions: one
 * top-level class per file; {@code @Exercise("N.M")} on the test class; test methods annotated
 * {@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory} or
 * {@code @TestTemplate}; each {@code new ExerciseSpec("N.M", "title", points, ...)} of the catalog
 * starting with its id, title and points as literals.
 */
public final class Contracts {

    private static final String CATALOG_SERVICE = "src/test/resources/META-INF/services/workbook.testsupport.ExerciseCatalog";
    private static final Pattern SPEC = Pattern.compile(
            "new\\s+ExerciseSpec\\(\\s*\"([^\"]*)\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*(\\d+)\\s*,\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)*)");
    private static final Pattern TODO = Pattern.compile("new\\s+Todo\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern EXERCISE = Pattern.compile("@Exercise\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"\\s*\\)");
    private static final Pattern TEST_ANNOTATION = Pattern.compile("^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:(?:public|protected|private|static|final|synchronized)\\s+)*"
            + "(?:<[^>]*>\\s*)?[\\w.<>\\[\\], ?]+\\s+(\\w+)\\s*\\(");
    private static final Pattern CLASS = Pattern.compile("^(?:public\\s+|abstract\\s+|final\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

    private Contracts() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("workbook.root", ".")).toAbsolutePath().normalize();
        if (args.length == 2 && args[0].equals("where")) {
            System.exit(where(root, args[1]));
        }
        if (args.length >= 1 && args[0].equals("check")) {
            List<String> modules = new ArrayList<>(List.of(args).subList(1, args.length));
            if (modules.isEmpty()) {
                modules = modules(root);
            }
            List<String> problems = new ArrayList<>();
            int clauses = 0;
            for (String module : modules) {
                clauses += check(root, module.replaceAll("/+$", ""), problems);
            }
            if (!problems.isEmpty()) {
                System.out.println("Contract check FAILED (" + problems.size() + " problems):");
                problems.forEach(p -> System.out.println("  - " + p));
                System.exit(1);
            }
            System.out.println("Contract check passed: " + modules.size() + " modules, " + clauses
                    + " clauses, every clause tested, every test under a clause");
            return;
        }
        System.err.println("usage: java bin/Contracts.java where N.M   |   java bin/Contracts.java check [MODULE...]");
        System.exit(2);
    }

    // ---------------------------------------------------------------------------------------------
    // What the sources say

    /** One exercise as the catalog has it. */
    record Spec(String id, String title, int points, String hint) {
    }

    /** One test class: its file, its exercise, whether it is hidden, and its test methods with their lines. */
    record TestClass(String name, Path file, String exercise, boolean hidden, Map<String, Integer> methods) {
    }

    /** One exercise block of a contracts.txt. */
    static final class Block {
        final String id;
        final int line;
        final List<String> skeletons = new ArrayList<>();
        final List<String> lessons = new ArrayList<>();
        /** Earlier exercises whose code this one calls by design (3.5 reaps by 3.4's state): a wrong one costs both. */
        final List<String> uses = new ArrayList<>();
        final Map<String, List<String>> clauses = new LinkedHashMap<>();
        final Map<String, Integer> clauseLines = new LinkedHashMap<>();

        Block(String id, int line) {
            this.id = id;
            this.line = line;
        }
    }

    /** Everything the checker and {@code where} know of one module. */
    record Module(String name, Path dir, List<Spec> catalog, List<String> catalogProblems, Map<String, TestClass> tests,
            Map<String, Map<Path, List<Integer>>> todos, Optional<List<Block>> contracts, List<String> contractProblems,
            List<String> headings) {

        static Module read(Path root, String name) throws IOException {
            Path dir = root.resolve(name);
            List<String> catalogProblems = new ArrayList<>();
            List<Spec> catalog = Contracts.catalog(dir, catalogProblems);
            Map<String, TestClass> tests = new TreeMap<>();
            for (String folder : List.of("src/test/java", "src/hidden/java")) {
                for (Path file : javaFiles(dir.resolve(folder))) {
                    TestClass test = testClass(file, folder.startsWith("src/hidden"));
                    if (test != null) {
                        tests.put(test.name(), test);
                    }
                }
            }
            Map<String, Map<Path, List<Integer>>> todos = new TreeMap<>();
            for (Path file : javaFiles(dir.resolve("src/main/java"))) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher todo = TODO.matcher(lines.get(i));
                    while (todo.find()) {
                        todos.computeIfAbsent(todo.group(1), k -> new TreeMap<>())
                                .computeIfAbsent(dir.relativize(file), k -> new ArrayList<>()).add(i + 1);
                    }
                }
            }
            List<String> contractProblems = new ArrayList<>();
            Path table = dir.resolve("contracts.txt");
            Optional<List<Block>> contracts = Files.isRegularFile(table)
                    ? Optional.of(parse(table, name, contractProblems)) : Optional.empty();
            return new Module(name, dir, catalog, catalogProblems, tests, todos, contracts, contractProblems, Contracts.headings(dir.resolve("README.md")));
        }

        Optional<Spec> spec(String id) {
            return catalog.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        Optional<Block> block(String id) {
            return contracts.flatMap(blocks -> blocks.stream().filter(b -> b.id.equals(id)).findFirst());
        }

        List<TestClass> testsOf(String id) {
            return tests.values().stream().filter(t -> t.exercise().equals(id)).toList();
        }
    }

    static List<String> modules(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> p.getFileName().toString().matches("module-\\d+-.*") && Files.isDirectory(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<Spec> catalog(Path module, List<String> problems) throws IOException {
        Path service = module.resolve(CATALOG_SERVICE);
        if (!Files.isRegularFile(service)) {
            problems.add(module.getFileName() + ": no exercise catalog (" + CATALOG_SERVICE + ")");
            return List.of();
        }
        String className = Files.readAllLines(service, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).findFirst().orElse("");
        Path source = module.resolve("src/test/java").resolve(className.replace('.', '/') + ".java");
        if (!Files.isRegularFile(source)) {
            problems.add(module.getFileName() + ": the catalog " + className + " has no source at " + module.relativize(source));
            return List.of();
        }
        String text = Files.readString(source, StandardCharsets.UTF_8);
        List<Spec> specs = new ArrayList<>();
        Matcher m = SPEC.matcher(text);
        while (m.find()) {
            String hint = m.group(4).replaceAll("\"\\s*\\+\\s*\"", "").replaceAll("^\"|\"\\s*$", "").replace("\\\"", "\"");
            specs.add(new Spec(m.group(1), m.group(2).replace("\\\"", "\""), Integer.parseInt(m.group(3)), hint));
        }
        int written = text.split("new\\s+ExerciseSpec\\(", -1).length - 1;
        if (written != specs.size()) {
            problems.add(module.getFileName() + ": " + module.relativize(source) + " has " + written
                    + " 'new ExerciseSpec(' but only " + specs.size() + " start with a literal id, title and points");
        }
        return specs;
    }

    static List<Path> javaFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** @return the test class in {@code file}, or null when its class has no {@code @Exercise} */
    static TestClass testClass(Path file, boolean hidden) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String exercise = null;
        String name = file.getFileName().toString().replaceAll("\\.java$", "");
        int classLine = -1;
        for (int i = 0; i < lines.size() && classLine < 0; i++) {
            Matcher e = EXERCISE.matcher(lines.get(i));
            if (e.find()) {
                exercise = e.group(1);
            }
            Matcher c = CLASS.matcher(lines.get(i).strip());
            if (c.find() && c.group(1).equals(name)) {
                classLine = i;
            }
        }
        if (exercise == null || classLine < 0) {
            return null;
        }
        Map<String, Integer> methods = new LinkedHashMap<>();
        boolean annotated = false;
        for (int i = classLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (TEST_ANNOTATION.matcher(line).find()) {
                annotated = true;
                continue;
            }
            if (annotated && !line.strip().startsWith("@") && !line.strip().startsWith(")") && !line.strip().startsWith("\"")) {
                Matcher m = METHOD.matcher(line);
                if (m.find()) {
                    methods.put(m.group(1), i + 1);
                    annotated = false;
                }
            }
        }
        return new TestClass(name, file, exercise, hidden, methods);
    }

    /** @return GitHub's anchor of every heading of a lesson (headings inside code fences are not headings) */
    static List<String> headings(Path readme) throws IOException {
        List<String> slugs = new ArrayList<>();
        if (!Files.isRegularFile(readme)) {
            return slugs;
        }
        boolean fenced = false;
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.matches("^#{1,6}\\s.*")) {
                String slug = slug(line);
                int n = seen.merge(slug, 1, Integer::sum);
                slugs.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        }
        return slugs;
    }

    /** @return GitHub's anchor for a heading line (the rule of workbook.testsupport.Lesson) */
    static String slug(String headingLine) {
        String text = headingLine.replaceFirst("^#+\\s*", "").strip();
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    static List<Block> parse(Path table, String module, List<String> problems) throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        Block block = null;
        String clause = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = module + "/contracts.txt:" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("\\s+", 2);
            String key = kv[0];
            String value = kv.length > 1 ? kv[1].strip() : "";
            if (key.equals("exercise")) {
                block = new Block(value, i + 1);
                blocks.add(block);
                clause = null;
            } else if (block == null) {
                problems.add(where + ": '" + key + "' before the first 'exercise' line");
            } else if (value.isEmpty()) {
                problems.add(where + ": '" + key + "' with nothing after it");
            } else if (key.equals("skeleton")) {
                block.skeletons.add(value);
            } else if (key.equals("lesson")) {
                block.lessons.add(value);
            } else if (key.equals("uses")) {
                block.uses.addAll(List.of(value.split("\\s+")));
            } else if (key.equals("clause")) {
                clause = value;
                if (block.clauses.containsKey(value)) {
                    problems.add(where + ": exercise " + block.id + " has the clause '" + value + "' twice");
                }
                block.clauses.put(value, new ArrayList<>());
                block.clauseLines.put(value, i + 1);
            } else if (key.equals("test")) {
                if (clause == null) {
                    problems.add(where + ": a test line before any clause of exercise " + block.id);
                } else {
                    block.clauses.get(clause).add(value);
                }
            } else {
                problems.add(where + ": unknown line '" + line + "' (expected exercise, skeleton, lesson, uses, clause or test)");
            }
        }
        return blocks;
    }

    // ---------------------------------------------------------------------------------------------
    // check

    /** Adds the problems of one module; @return how many clauses it has */
    static int check(Path root, String name, List<String> problems) throws IOException {
        if (!Files.isDirectory(root.resolve(name))) {
            problems.add(name + ": no such module");
            return 0;
        }
        Module module = Module.read(root, name);
        problems.addAll(module.catalogProblems());
        if (module.contracts().isEmpty()) {
            problems.add(name + ": no contracts.txt");
            return 0;
        }
        problems.addAll(module.contractProblems());
        List<Block> blocks = module.contracts().get();
        List<String> catalogIds = module.catalog().stream().map(Spec::id).toList();
        List<String> tableIds = blocks.stream().map(b -> b.id).toList();
        if (!catalogIds.equals(tableIds)) {
            problems.add(name + "/contracts.txt: its exercises " + tableIds + " are not the catalog's " + catalogIds
                    + " (the same ids, in the same order)");
        }
        for (String id : module.todos().keySet()) {
            if (!tableIds.contains(id)) {
                problems.add(name + ": new Todo(\"" + id + "\") in " + module.todos().get(id).keySet()
                        + " but contracts.txt has no exercise " + id);
            }
        }
        int clauses = 0;
        for (Block block : blocks) {
            String at = name + "/contracts.txt:" + block.line + " exercise " + block.id;
            checkFiles(root, module, block, at, problems);
            for (String used : block.uses) {
                int usedAt = tableIds.indexOf(used);
                if (usedAt < 0 || usedAt >= tableIds.indexOf(block.id)) {
                    problems.add(at + ": uses " + used + ", which is no earlier exercise of the module");
                }
            }
            if (block.clauses.isEmpty()) {
                problems.add(at + ": no clause");
            }
            Set<String> covered = new LinkedHashSet<>();
            for (Map.Entry<String, List<String>> clause : block.clauses.entrySet()) {
                clauses++;
                String clauseAt = name + "/contracts.txt:" + block.clauseLines.get(clause.getKey());
                if (clause.getValue().isEmpty()) {
                    problems.add(clauseAt + ": the clause '" + clause.getKey() + "' of " + block.id + " has no test");
                }
                for (String test : clause.getValue()) {
                    checkTest(module, block.id, test, clauseAt, problems);
                    covered.add(test);
                }
            }
            for (TestClass test : module.testsOf(block.id)) {
                for (String method : test.methods().keySet()) {
                    if (!covered.contains(test.name() + "#" + method)) {
                        problems.add(at + ": the test " + test.name() + "#" + method + " is under no clause");
                    }
                }
            }
        }
        checkFixtures(root, name, catalogIds, problems);
        for (TestClass test : module.tests().values()) {
            if (!tableIds.contains(test.exercise()) && !catalogIds.contains(test.exercise())) {
                problems.add(name + ": " + test.name() + " is @Exercise(\"" + test.exercise() + "\"), which is no exercise of the module");
            }
        }
        return clauses;
    }

    static void checkFiles(Path root, Module module, Block block, String at, List<String> problems) {
        Map<Path, List<Integer>> marked = module.todos().getOrDefault(block.id, Map.of());
        if (block.skeletons.isEmpty()) {
            problems.add(at + ": no skeleton line");
        }
        Set<Path> listed = new LinkedHashSet<>();
        for (String skeleton : block.skeletons) {
            Path path = Path.of(skeleton).normalize();
            listed.add(path);
            if (!Files.isRegularFile(module.dir().resolve(path))) {
                problems.add(at + ": the skeleton " + skeleton + " does not exist");
            } else if (!marked.containsKey(path)) {
                problems.add(at + ": the skeleton " + skeleton + " has no new Todo(\"" + block.id + "\")");
            }
            if (!Files.isRegularFile(root.resolve("solutions").resolve(module.name()).resolve(path))) {
                problems.add(at + ": the reference solutions/" + module.name() + "/" + skeleton + " does not exist");
            }
        }
        for (Path file : marked.keySet()) {
            if (!listed.contains(file)) {
                problems.add(at + ": " + file + " has new Todo(\"" + block.id + "\") but is not listed as a skeleton");
            }
        }
        if (block.lessons.isEmpty()) {
            problems.add(at + ": no lesson line");
        }
        for (String lesson : block.lessons) {
            String[] parts = lesson.split("#", 2);
            if (!parts[0].equals("README.md") || parts.length < 2) {
                problems.add(at + ": the lesson '" + lesson + "' is not README.md#anchor");
            } else if (!module.headings().contains(parts[1])) {
                problems.add(at + ": the lesson anchor #" + parts[1] + " matches no heading of " + module.name()
                        + "/README.md" + closest(parts[1], module.headings()));
            }
        }
    }

    /** Each wrong-solution fixture of the module: an exercise of the module, a patch, and what it breaks. */
    static void checkFixtures(Path root, String module, List<String> ids, List<String> problems) throws IOException {
        Path folder = root.resolve("fixtures/wrong-solutions").resolve(module);
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> fixtures;
        try (Stream<Path> dirs = Files.list(folder)) {
            fixtures = dirs.filter(Files::isDirectory).sorted().toList();
        }
        for (Path fixture : fixtures) {
            String name = fixture.getFileName().toString();
            String at = root.relativize(fixture).toString();
            if (!ids.contains(name.replaceAll("-.*", ""))) {
                problems.add(at + ": the folder's name does not start with an exercise of " + module + " and a '-'");
            }
            if (!Files.isRegularFile(fixture.resolve("wrong.patch"))) {
                problems.add(at + ": no wrong.patch");
            }
            List<String> mistake = Files.isRegularFile(fixture.resolve("mistake.txt"))
                    ? Files.readAllLines(fixture.resolve("mistake.txt"), StandardCharsets.UTF_8) : List.of();
            if (mistake.size() < 2 || mistake.get(0).isBlank() || !mistake.get(1).matches("breaks: \\S.*")) {
                problems.add(at + ": mistake.txt must hold what the code does wrong (line 1) and 'breaks: <the clause>' (line 2)");
            }
        }
    }

    static String closest(String anchor, List<String> headings) {
        return headings.stream().filter(h -> h.contains(anchor.replaceAll("^(exercise-\\d+).*", "$1")))
                .findFirst().map(h -> " (did you mean #" + h + "?)").orElse("");
    }

    static void checkTest(Module module, String id, String test, String at, List<String> problems) {
        String[] parts = test.split("#", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            problems.add(at + ": '" + test + "' is not Class#method");
            return;
        }
        TestClass type = module.tests().get(parts[0]);
        if (type == null) {
            problems.add(at + ": the test class " + parts[0] + " does not exist (or has no @Exercise) in "
                    + module.name() + "/src/test/java or src/hidden/java");
        } else if (!type.exercise().equals(id)) {
            problems.add(at + ": " + parts[0] + " is @Exercise(\"" + type.exercise() + "\"), not " + id);
        } else if (!type.methods().containsKey(parts[1])) {
            problems.add(at + ": the test method " + test + " does not exist");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // where

    static int where(Path root, String id) throws IOException {
        if (!id.matches("\\d+\\.\\d+")) {
            System.err.println("bin/where: '" + id + "' is not an exercise id such as 2.3");
            return 2;
        }
        for (String name : modules(root)) {
            Module module = Module.read(root, name);
            Optional<Spec> spec = module.spec(id);
            if (spec.isPresent()) {
                print(root, module, spec.get());
                return 0;
            }
        }
        System.err.println("bin/where: no module's exercise catalog has exercise " + id);
        return 1;
    }

    static void print(Path root, Module module, Spec spec) throws IOException {
        String id = spec.id();
        String m = module.name();
        Optional<Block> block = module.block(id);
        System.out.printf("%s  %s  (%d points, %s)%n", id, spec.title(), spec.points(), m);
        System.out.println("hint:      " + spec.hint());
        List<String> skeletons = block.map(b -> b.skeletons).filter(s -> !s.isEmpty())
                .orElse(module.todos().getOrDefault(id, Map.of()).keySet().stream().map(Path::toString).toList());
        for (String skeleton : skeletons) {
            List<Integer> lines = module.todos().getOrDefault(id, Map.of()).getOrDefault(Path.of(skeleton).normalize(), List.of());
            System.out.println("skeleton:  " + m + "/" + skeleton
                    + (lines.isEmpty() ? "  (no Todo)" : "  Todo at line " + join(lines)));
        }
        for (String skeleton : skeletons) {
            Path reference = root.resolve("solutions").resolve(m).resolve(skeleton);
            System.out.println("reference: " + root.relativize(reference) + (Files.isRegularFile(reference) ? "" : "  (MISSING)"));
        }
        List<TestClass> tests = new ArrayList<>(module.testsOf(id));
        tests.sort(java.util.Comparator.comparing(TestClass::hidden));
        for (TestClass test : tests) {
            int n = test.methods().size();
            System.out.printf("%s %s  (%d %s)%n", test.hidden() ? "hidden:   " : "visible:  ",
                    root.relativize(test.file()), n, n == 1 ? "test" : "tests");
        }
        List<String> lessons = block.map(b -> b.lessons).filter(l -> !l.isEmpty()).orElse(lessonOf(module, id));
        for (String lesson : lessons) {
            System.out.println("lesson:    " + m + "/" + lesson);
        }
        Path fixtures = root.resolve("fixtures/wrong-solutions").resolve(m);
        List<Path> mine = new ArrayList<>();
        if (Files.isDirectory(fixtures)) {
            try (Stream<Path> dirs = Files.list(fixtures)) {
                dirs.filter(d -> d.getFileName().toString().startsWith(id + "-")).sorted().forEach(mine::add);
            }
        }
        System.out.println("fixtures:  " + mine.size() + (mine.isEmpty() ? "" : " in " + root.relativize(fixtures) + "/"));
        for (Path fixture : mine) {
            List<String> mistake = Files.isRegularFile(fixture.resolve("mistake.txt"))
                    ? Files.readAllLines(fixture.resolve("mistake.txt"), StandardCharsets.UTF_8) : List.of("(no mistake.txt)");
            System.out.println("  " + fixture.getFileName() + ": " + mistake.get(0));
            mistake.stream().skip(1).forEach(l -> System.out.println("      " + l));
        }
        if (block.isEmpty()) {
            System.out.println("clauses:   unknown (" + m + "/contracts.txt " + (module.contracts().isPresent()
                    ? "has no exercise " + id : "does not exist yet") + ")");
            return;
        }
        if (!block.get().uses.isEmpty()) {
            System.out.println("uses:      " + String.join(", ", block.get().uses) + " (its code, by design: a wrong "
                    + String.join(" or ", block.get().uses) + " can cost this exercise too)");
        }
        System.out.println("clauses:   " + block.get().clauses.size());
        for (Map.Entry<String, List<String>> clause : block.get().clauses.entrySet()) {
            System.out.println("  - " + clause.getKey());
            for (String test : clause.getValue()) {
                String[] parts = test.split("#", 2);
                TestClass type = module.tests().get(parts[0]);
                Integer line = type == null || parts.length < 2 ? null : type.methods().get(parts[1]);
                System.out.println("      " + test + (line == null ? "  (NOT FOUND)" : "  " + root.relativize(type.file()) + ":" + line));
            }
        }
    }

    static List<String> lessonOf(Module module, String id) {
        Pattern namesExercise = Pattern.compile("^#{1,6}\\s.*(?<![\\d.])" + Pattern.quote(id) + "(?![\\d])");
        try {
            return Files.readAllLines(module.dir().resolve("README.md"), StandardCharsets.UTF_8).stream()
                    .filter(l -> namesExercise.matcher(l).find()).findFirst()
                    .map(l -> List.of("README.md#" + slug(l))).orElse(List.of("README.md (no heading names " + id + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String join(List<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }
}
