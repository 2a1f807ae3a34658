package workbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The text a student reads at the end of every build: each module's exercises, done or not, the
 * points so far, and what to do next (the exercise, its hint, the failing check and the line of
 * their own code to look at).
 *
 * <p>It only reads: the results the {@link ResultsRecorder} wrote and each module's
 * {@link ExerciseCatalog}; points come from {@link ModuleScore} and nowhere else. The last line is
 * always {@value #PROGRESS_PREFIX}{@code P/T points, E/N exercises complete}, for tools to read.
 *
 * <p>Modules that ran in this build are shown exercise by exercise; the others get one line with
 * their last known score, so that the workbook's total stays meaningful in a one-module run.
 */
public final class Scoreboard {

    /** The start of the board's last line. */
    public static final String PROGRESS_PREFIX = "Workbook progress: ";

    private static final String RULE = "-".repeat(72);

    private Scoreboard() {
    }

    /**
     * How far a module's build got in this session. A module that did not get past {@link #STARTED} is the
     * only one the board calls "did not compile": a build that stops after compiling ({@code test-compile},
     * {@code -DskipTests}) is not a broken one.
     */
    public enum Stage {
        /** Its build started; its main code did not compile (the compiler failed, or the build stopped before). */
        STARTED,
        /** Its main code compiled; its tests were not compiled in this build. */
        COMPILED,
        /** Its main code and its tests compiled; no test ran in this build. */
        TESTS_COMPILED,
        /** Its tests ran. */
        TESTED
    }

    /**
     * One module as the board sees it.
     *
     * @param stage how far its build got in this session; empty if it was not built
     * @param builtNow whether it is shown in detail: built in this session and, in a run limited with
     *     {@code -Dexercise}, holding one of the exercises named
     * @param todos the TODOs left in its sources, by exercise (see {@link TodoMarkers})
     */
    record Module(Path directory, Optional<ModuleScore> score, Optional<Stage> stage, boolean builtNow, Map<String, List<String>> todos) {

        String name() {
            return directory.getFileName().toString();
        }

        boolean complete() {
            return score.isPresent() && score.get().nextExercise().isEmpty();
        }

        boolean didNotCompile() {
            return builtNow && stage.orElseThrow() == Stage.STARTED;
        }

        boolean tested() {
            return builtNow && stage.orElseThrow() == Stage.TESTED;
        }
    }

    /**
     * Renders the board after a build whose modules all ran their tests.
     *
     * @param root the workbook's top folder (its modules are its {@code module-*} folders)
     * @param ranNow the folders of the modules whose tests ran in this session, in build order
     * @param selection the exercises a {@code -Dexercise} run was limited to, if any
     * @return the board, ending with the progress line and a line break
     */
    public static String render(Path root, Collection<Path> ranNow, Optional<String> selection) {
        Map<Path, Stage> stages = new LinkedHashMap<>();
        ranNow.forEach(p -> stages.put(p, Stage.TESTED));
        return render(root, stages, selection);
    }

    /**
     * Renders the board after a build.
     *
     * @param root the workbook's top folder (its modules are its {@code module-*} folders)
     * @param ranNow the folders of the modules built in this session, in build order, with how far each got
     * @param selection the exercises a {@code -Dexercise} run was limited to, if any
     * @return the board, ending with the progress line and a line break
     */
    public static String render(Path root, Map<Path, Stage> ranNow, Optional<String> selection) {
        return render(modules(root, ranNow, selection), selection);
    }

    /** @return every module as the board sees it after a build whose modules all ran their tests */
    static List<Module> modules(Path root, Collection<Path> testedNow, Optional<String> selection) {
        Map<Path, Stage> stages = new LinkedHashMap<>();
        testedNow.forEach(p -> stages.put(p, Stage.TESTED));
        return modules(root, stages, selection);
    }

    /** @return every module of the workbook as the board sees it after a build (see {@link #render(Path, Map, Optional)}) */
    static List<Module> modules(Path root, Map<Path, Stage> ranNow, Optional<String> selection) {
        Map<Path, Stage> ran = new LinkedHashMap<>();
        ranNow.forEach((p, stage) -> ran.put(p.toAbsolutePath().normalize(), stage));
        List<Module> modules = new ArrayList<>();
        for (Path directory : moduleDirectories(root.toAbsolutePath().normalize(), List.copyOf(ran.keySet()))) {
            Optional<ModuleScore> score = Catalogs.load(directory)
                    .map(catalog -> ModuleScore.of(catalog, ModuleScore.readResults(directory)));
            Optional<Stage> stage = Optional.ofNullable(ran.get(directory));
            // In a run limited to some exercises, only the modules that hold them count as built now.
            boolean builtNow = stage.isPresent() && (selection.isEmpty() || stage.get() == Stage.STARTED || holdsSelected(score, selection.get()));
            Map<String, List<String>> todos = builtNow && stage.get() == Stage.TESTED ? TodoMarkers.find(directory) : Map.of();
            modules.add(new Module(directory, score, stage, builtNow, todos));
        }
        return modules;
    }

    private static boolean holdsSelected(Optional<ModuleScore> score, String selection) {
        try {
            List<String> wanted = ExerciseSelection.parse(selection);
            return score.isPresent() && score.get().exercises().stream().anyMatch(e -> ExerciseSelection.matches(e.spec().id(), wanted));
        } catch (IllegalArgumentException mistyped) {
            return true;
        }
    }

    static String render(List<Module> modules, Optional<String> selection) {
        StringBuilder out = new StringBuilder();
        line(out, "");
        line(out, RULE);
        line(out, " SCOREBOARD" + selection.map(s -> "   (this run: " + ExerciseSelection.describe(s) + " only; other results are from earlier runs)").orElse(""));
        line(out, RULE);
        selection.ifPresent(s -> {
            try {
                ExerciseSelection.parse(s);
            } catch (IllegalArgumentException e) {
                line(out, "! " + e.getMessage());
            }
        });
        boolean built = modules.stream().anyMatch(Module::builtNow);
        boolean compiledOnly = built && modules.stream().filter(Module::builtNow).noneMatch(m -> m.tested() || m.didNotCompile());
        if (compiledOnly) {
            boolean earlier = modules.stream().map(Module::score).flatMap(Optional::stream)
                    .anyMatch(score -> score.exercises().stream().anyMatch(e -> !e.tests().isEmpty()));
            line(out, "Your code compiles. No test ran in this build (it only compiled), so"
                    + (earlier ? " the scores" : " there are"));
            line(out, earlier ? "below are from earlier runs." : "no results yet.");
        }
        for (Module module : modules) {
            if (module.builtNow() && !compiledOnly) {
                detailed(out, module);
            } else {
                summary(out, module);
            }
        }
        line(out, RULE);
        if (compiledOnly) {
            List<Module> compiled = modules.stream().filter(Module::builtNow).toList();
            String pl = compiled.size() == 1 ? " -pl " + compiled.get(0).name() + " -am" : "";
            line(out, "Next: run the tests, and this board shows which exercises pass:");
            line(out, "  ./mvnw test" + pl + "   (Windows: .\\mvnw.cmd test" + pl + ")");
            if (compiled.size() > 1) {
                line(out, "  one module only: ./mvnw test -pl " + compiled.get(0).name() + " -am");
            }
        } else {
            whatNext(out, modules);
        }
        progress(out, modules);
        return out.toString();
    }

    private static void detailed(StringBuilder out, Module module) {
        if (module.didNotCompile()) {
            line(out, String.format(Locale.ROOT, "%-48s %s", module.name(), "DID NOT COMPILE: see the compiler's messages above"));
            return;
        }
        if (!module.tested()) {
            String what = module.stage().orElseThrow() == Stage.COMPILED
                    ? "compiles; its tests were not compiled in this build"
                    : "compiles; no test ran in this build";
            line(out, String.format(Locale.ROOT, "%-48s %s", module.name(), what));
            return;
        }
        if (module.score().isEmpty()) {
            line(out, String.format(Locale.ROOT, "%-48s %s", module.name(), "no exercises yet"));
            return;
        }
        ModuleScore score = module.score().get();
        line(out, String.format(Locale.ROOT, "%-48s %7s points%s", module.name(), score.pointsEarned() + "/" + score.pointsPossible(),
                module.complete() ? "   COMPLETE" : ""));
        Optional<ExerciseScore> next = score.nextExercise();
        for (ExerciseScore exercise : score.exercises()) {
            String marker = next.isPresent() && next.get() == exercise ? "   <- next" : "";
            line(out, String.format(Locale.ROOT, "  [%s] %-5s %-45s %2d/%-2d%s", state(exercise, module.todos()), exercise.spec().id(),
                    abbreviate(exercise.spec().title(), 45), exercise.pointsEarned(), exercise.spec().points(), marker));
        }
    }

    private static void summary(StringBuilder out, Module module) {
        String name = module.name();
        if (module.score().isEmpty()) {
            String what = !hasExercises(module.directory()) ? "no exercises yet"
                    : module.builtNow() ? "compiles; its tests were not compiled" : "not built yet";
            line(out, String.format(Locale.ROOT, "%-48s %s", name, what));
            return;
        }
        ModuleScore score = module.score().get();
        String note = score.exercises().stream().allMatch(e -> e.tests().isEmpty()) ? "   (not run yet)" : "   (earlier run)";
        line(out, String.format(Locale.ROOT, "%-48s %7s points%s", name, score.pointsEarned() + "/" + score.pointsPossible(),
                module.complete() ? "   COMPLETE" : note));
    }

    /**
     * @param todos the TODOs left in the module's sources, by exercise
     * @return {@code done}; {@code todo} (not started: a test reached its TODO, or one is left in the
     *     source); {@code FAIL} (started, not passing); {@code  -- } (no result)
     */
    static String state(ExerciseScore exercise, Map<String, List<String>> todos) {
        if (exercise.done()) {
            return "done";
        }
        if (exercise.tests().isEmpty() || exercise.tests().stream().allMatch(t -> t.status() == TestRecord.Status.SKIPPED)) {
            return " -- ";
        }
        return notStarted(exercise, todos) ? "todo" : "FAIL";
    }

    /**
     * @return whether the exercise failed and its TODO is still there: a test reached it, or the source
     *     still holds it (reached in a child or a server, the test sees only the consequence; see
     *     {@link TodoMarkers})
     */
    static boolean notStarted(ExerciseScore exercise, Map<String, List<String>> todos) {
        List<TestRecord> failed = exercise.tests().stream()
                .filter(t -> t.status() != TestRecord.Status.PASSED && t.status() != TestRecord.Status.SKIPPED).toList();
        String todo = "exercise " + exercise.spec().id() + " is not implemented yet";
        return !failed.isEmpty() && (todos.containsKey(exercise.spec().id()) || failed.stream().anyMatch(t -> t.message().contains(todo)));
    }

    private static void whatNext(StringBuilder out, List<Module> modules) {
        List<Module> shown = modules.stream().filter(Module::tested).filter(m -> m.score().isPresent()).toList();
        Optional<Module> broken = modules.stream().filter(Module::didNotCompile).findFirst();
        if (broken.isPresent()) {
            line(out, "Next: make " + broken.get().name() + " compile again. The compiler's messages above give the file");
            line(out, "  and line of each error ([ERROR] .../File.java:[line,column]); until it compiles, its tests");
            line(out, "  cannot run.");
            return;
        }
        boolean everything = !modules.isEmpty() && modules.stream().allMatch(Module::complete);
        if (everything) {
            line(out, "The workbook is complete: every exercise of every module passes. Well done!");
            return;
        }
        for (Module module : shown) {
            if (module.complete()) {
                Optional<Module> next = nextModule(modules, module);
                line(out, module.name() + " is complete." + next.map(n -> " Next module: " + n.name()).orElse(""));
                next.ifPresent(n -> {
                    line(out, "  Lesson:   " + n.name() + "/README.md");
                    line(out, "  Run it:   ./mvnw test -pl " + n.name() + " -am");
                });
            }
        }
        Optional<Module> focus = shown.stream().filter(m -> !m.complete()).findFirst();
        if (focus.isEmpty()) {
            return;
        }
        Module module = focus.get();
        ExerciseScore exercise = module.score().get().nextExercise().get();
        ExerciseSpec spec = exercise.spec();
        line(out, "Next: exercise " + spec.id() + ", " + spec.title() + " (" + module.name() + ", "
                + spec.points() + (spec.points() == 1 ? " point)" : " points)"));
        wrapped(out, "  Hint:     ", spec.hint());
        boolean notStarted = notStarted(exercise, module.todos());
        Optional<TestRecord> problem = problemOf(exercise, module.todos());
        Optional<String> lookAt = lookAt(module, exercise);
        if (notStarted) {
            line(out, "  Status:   not started: the method still throws new Todo(\"" + spec.id() + "\")");
        } else if (problem.isPresent()) {
            TestRecord failed = problem.get();
            wrapped(out, "  Failed:   ", shortClassName(failed.testClass()) + "." + failed.test().replaceFirst(" \\(.*", "") + ": "
                    + abbreviate(failed.message().isBlank() ? failed.status().toString() : failed.message(), 300));
        } else {
            line(out, "  Status:   its tests did not run in this build");
        }
        lookAt.ifPresent(where -> line(out, "  Look at:  " + module.name() + "/" + where));
        line(out, "  Lesson:   " + Lesson.link(module.directory(), spec.id()));
        for (String rerun : rerun(module.name(), spec.id())) {
            line(out, rerun);
        }
    }

    /**
     * The fastest command that runs exactly one exercise: {@code -pl} builds its module and, with
     * {@code -am}, the kit it needs, instead of visiting every module. On Windows the {@code -D} option is
     * quoted: PowerShell would otherwise split {@code -Dexercise=1.1} at the dot; cmd.exe accepts the quotes.
     *
     * @return the board's lines for it
     */
    static List<String> rerun(String module, String exercise) {
        String args = "test -pl " + module + " -am ";
        return List.of("  Re-run:   ./mvnw " + args + "-Dexercise=" + exercise,
                "            (Windows: .\\mvnw.cmd " + args + "\"-Dexercise=" + exercise + "\")");
    }

    /**
     * @return the test to report for an unfinished exercise: one that reached its TODO if it was never
     *     started (its other failures follow from that), else its first failing test
     */
    static Optional<TestRecord> problemOf(ExerciseScore exercise, Map<String, List<String>> todos) {
        String todo = "exercise " + exercise.spec().id() + " is not implemented yet";
        return notStarted(exercise, todos)
                ? exercise.tests().stream().filter(t -> t.message().contains(todo)).findFirst()
                : exercise.firstProblem();
    }

    /**
     * @return the student's line to look at for an unfinished exercise ({@code "path:line (Class.method)"}): the
     *     line the reported failure went through or, for an exercise never started, the TODO left in the source
     *     (unless the failure named one of them already). The board's {@code Look at:} and CI's annotations
     *     both use it, so they always name the same line.
     */
    static Optional<String> lookAt(Module module, ExerciseScore exercise) {
        Optional<String> reported = problemOf(exercise, module.todos()).flatMap(failed -> StudentCode.lineOf(module.directory(), failed));
        if (notStarted(exercise, module.todos())) {
            List<String> left = module.todos().getOrDefault(exercise.spec().id(), List.of());
            if (!left.isEmpty() && (reported.isEmpty() || left.stream().noneMatch(where -> reported.get().startsWith(where + " ")))) {
                return Optional.of(left.get(0));
            }
        }
        return reported;
    }

    private static Optional<Module> nextModule(List<Module> modules, Module after) {
        int index = modules.indexOf(after);
        return modules.subList(index + 1, modules.size()).stream().filter(m -> !m.complete()).findFirst()
                .or(() -> modules.subList(0, index).stream().filter(m -> !m.complete()).findFirst());
    }

    private static void progress(StringBuilder out, List<Module> modules) {
        List<ModuleScore> scores = modules.stream().map(Module::score).flatMap(Optional::stream).toList();
        int earned = scores.stream().mapToInt(ModuleScore::pointsEarned).sum();
        int possible = scores.stream().mapToInt(ModuleScore::pointsPossible).sum();
        long done = scores.stream().mapToLong(ModuleScore::exercisesDone).sum();
        long all = scores.stream().mapToLong(s -> s.exercises().size()).sum();
        List<String> unknown = modules.stream().filter(m -> m.score().isEmpty() && hasExercises(m.directory()) && !m.builtNow())
                .map(Module::name).toList();
        if (!unknown.isEmpty()) {
            line(out, "(not counted yet, never built: " + String.join(", ", unknown) + "; ./mvnw test builds everything)");
        }
        line(out, PROGRESS_PREFIX + earned + "/" + possible + " points, " + done + "/" + all + " exercises complete");
    }

    /** @return the workbook's module folders, in name order, plus any module that ran and is named otherwise */
    static List<Path> moduleDirectories(Path root, List<Path> ranNow) {
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith("module-"))
                    .sorted()
                    .forEach(directories::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the workbook's modules in " + root, e);
        }
        ranNow.stream().filter(p -> !directories.contains(p)).forEach(directories::add);
        return directories;
    }

    /** @return whether the module declares an exercise registry (built or not) */
    static boolean hasExercises(Path module) {
        return Files.isRegularFile(module.resolve("src/test/resources/META-INF/services/" + ExerciseCatalog.class.getName()));
    }

    private static String shortClassName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** Writes {@code text} after {@code label}, wrapped at the board's width and indented under its start. */
    private static void wrapped(StringBuilder out, String label, String text) {
        String indent = " ".repeat(label.length());
        StringBuilder current = new StringBuilder(label);
        for (String word : text.strip().split("\\s+")) {
            if (current.length() > label.length() && current.length() + 1 + word.length() > RULE.length()) {
                line(out, current.toString());
                current = new StringBuilder(indent);
            }
            if (current.length() > indent.length()) {
                current.append(' ');
            }
            current.append(word);
        }
        line(out, current.toString());
    }

    private static void line(StringBuilder out, String text) {
        out.append(text.stripTrailing()).append(System.lineSeparator());
    }
}
