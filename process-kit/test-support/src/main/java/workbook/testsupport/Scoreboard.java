package workbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

    /** One module as the board sees it. */
    record Module(Path directory, Optional<ModuleScore> score, boolean ranNow, boolean stale) {

        String name() {
            return directory.getFileName().toString();
        }

        boolean complete() {
            return score.isPresent() && score.get().nextExercise().isEmpty();
        }
    }

    /**
     * Renders the board after a build.
     *
     * @param root the workbook's top folder (its modules are its {@code module-*} folders)
     * @param ranNow the folders of the modules whose build ran in this session, in build order
     * @param selection the exercises a {@code -Dexercise} run was limited to, if any
     * @return the board, ending with the progress line and a line break
     */
    public static String render(Path root, Collection<Path> ranNow, Optional<String> selection) {
        return render(modules(root, ranNow, selection), selection);
    }

    /** @return every module of the workbook as the board sees it after a build (see {@link #render(Path, Collection, Optional)}) */
    static List<Module> modules(Path root, Collection<Path> ranNow, Optional<String> selection) {
        List<Path> ran = ranNow.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Module> modules = new ArrayList<>();
        for (Path directory : moduleDirectories(root.toAbsolutePath().normalize(), ran)) {
            Optional<ModuleScore> score = Catalogs.load(directory)
                    .map(catalog -> ModuleScore.of(catalog, ModuleScore.readResults(directory)));
            // In a run limited to some exercises, only the modules that hold them count as built now.
            boolean builtNow = ran.contains(directory) && (selection.isEmpty() || holdsSelected(score, selection.get()));
            // A run limited to some exercises leaves the others' results as they were: old, but not stale.
            boolean stale = builtNow && selection.isEmpty() && score.isPresent() && isStale(directory);
            modules.add(new Module(directory, score, builtNow, stale));
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
        line(out, " SCOREBOARD" + selection.map(s -> "   (this run: exercise " + s + " only; other results are from earlier runs)").orElse(""));
        line(out, RULE);
        selection.ifPresent(s -> {
            try {
                ExerciseSelection.parse(s);
            } catch (IllegalArgumentException e) {
                line(out, "! " + e.getMessage());
            }
        });
        for (Module module : modules) {
            if (module.ranNow()) {
                detailed(out, module);
            } else {
                summary(out, module);
            }
        }
        line(out, RULE);
        whatNext(out, modules);
        progress(out, modules);
        return out.toString();
    }

    private static void detailed(StringBuilder out, Module module) {
        if (module.score().isEmpty()) {
            line(out, String.format(Locale.ROOT, "%-48s %s", module.name(),
                    hasExercises(module.directory()) ? "DID NOT COMPILE: see the compiler's messages above" : "no exercises yet"));
            return;
        }
        ModuleScore score = module.score().get();
        line(out, String.format(Locale.ROOT, "%-48s %7s points%s", module.name(), score.pointsEarned() + "/" + score.pointsPossible(),
                module.complete() ? "   COMPLETE" : ""));
        if (module.stale()) {
            line(out, "  ! its tests did not run on your latest code in this build: if the compiler reported");
            line(out, "    errors above, fix them first");
        }
        Optional<ExerciseScore> next = score.nextExercise();
        for (ExerciseScore exercise : score.exercises()) {
            String marker = next.isPresent() && next.get() == exercise ? "   <- next" : "";
            line(out, String.format(Locale.ROOT, "  [%s] %-5s %-45s %2d/%-2d%s", state(exercise), exercise.spec().id(),
                    abbreviate(exercise.spec().title(), 45), exercise.pointsEarned(), exercise.spec().points(), marker));
        }
    }

    private static void summary(StringBuilder out, Module module) {
        String name = module.name();
        if (module.score().isEmpty()) {
            line(out, String.format(Locale.ROOT, "%-48s %s", name, hasExercises(module.directory()) ? "not built yet" : "no exercises yet"));
            return;
        }
        ModuleScore score = module.score().get();
        String note = score.exercises().stream().allMatch(e -> e.tests().isEmpty()) ? "   (not run yet)" : "   (earlier run)";
        line(out, String.format(Locale.ROOT, "%-48s %7s points%s", name, score.pointsEarned() + "/" + score.pointsPossible(),
                module.complete() ? "   COMPLETE" : note));
    }

    /** @return {@code done}; {@code todo} (not started: a test reached its TODO); {@code FAIL} (started, not passing); {@code  -- } (no result) */
    static String state(ExerciseScore exercise) {
        if (exercise.done()) {
            return "done";
        }
        if (exercise.tests().isEmpty() || exercise.tests().stream().allMatch(t -> t.status() == TestRecord.Status.SKIPPED)) {
            return " -- ";
        }
        return notStarted(exercise) ? "todo" : "FAIL";
    }

    /** @return whether a test of the exercise reached its TODO (its other failures follow from that) */
    static boolean notStarted(ExerciseScore exercise) {
        String todo = "exercise " + exercise.spec().id() + " is not implemented yet";
        return exercise.tests().stream().anyMatch(t -> t.status() != TestRecord.Status.PASSED && t.message().contains(todo));
    }

    private static void whatNext(StringBuilder out, List<Module> modules) {
        List<Module> shown = modules.stream().filter(Module::ranNow).filter(m -> m.score().isPresent()).toList();
        Optional<Module> broken = modules.stream().filter(Module::ranNow)
                .filter(m -> (m.score().isEmpty() && hasExercises(m.directory())) || m.stale()).findFirst();
        if (broken.isPresent()) {
            line(out, "Next: make " + broken.get().name() + " compile again. The compiler's messages above give the file");
            line(out, "  and line of each error ([ERROR] .../File.java:[line,column]); until it compiles, its tests");
            line(out, "  cannot run and it earns no points.");
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
        Optional<TestRecord> problem = problemOf(exercise);
        if (notStarted(exercise)) {
            line(out, "  Status:   not started: the method still throws new Todo(\"" + spec.id() + "\")");
        } else if (problem.isPresent()) {
            TestRecord failed = problem.get();
            wrapped(out, "  Failed:   ", shortClassName(failed.testClass()) + "." + failed.test().replaceFirst(" \\(.*", "") + ": "
                    + abbreviate(failed.message().isBlank() ? failed.status().toString() : failed.message(), 300));
        } else {
            line(out, "  Status:   its tests did not run in this build");
        }
        problem.flatMap(failed -> StudentCode.lineOf(module.directory(), failed))
                .ifPresent(where -> line(out, "  Look at:  " + module.name() + "/" + where));
        line(out, "  Lesson:   " + Lesson.link(module.directory(), spec.id()));
        line(out, "  Re-run:   ./mvnw test -Dexercise=" + spec.id() + "   (Windows: mvnw.cmd test -Dexercise=" + spec.id() + ")");
    }

    /**
     * @return the test to report for an unfinished exercise: one that reached its TODO if it was never
     *     started (its other failures follow from that), else its first failing test
     */
    static Optional<TestRecord> problemOf(ExerciseScore exercise) {
        String todo = "exercise " + exercise.spec().id() + " is not implemented yet";
        return notStarted(exercise)
                ? exercise.tests().stream().filter(t -> t.message().contains(todo)).findFirst()
                : exercise.firstProblem();
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
        List<String> unknown = modules.stream().filter(m -> m.score().isEmpty() && hasExercises(m.directory())).map(Module::name).toList();
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

    /**
     * @return whether the module's tests did not run on its current code: there are no results (a full
     *     build clears them first) or a source file is newer than every one of them
     */
    static boolean isStale(Path module) {
        Optional<FileTime> results = newest(module.resolve(ResultsRecorder.RESULTS_FOLDER));
        if (results.isEmpty()) {
            return true;
        }
        Optional<FileTime> sources = newest(module.resolve("src/main/java")).flatMap(main -> newest(module.resolve("src/test/java"))
                .map(test -> test.compareTo(main) > 0 ? test : main).or(() -> Optional.of(main)));
        return sources.isPresent() && sources.get().compareTo(results.get()) > 0;
    }

    private static Optional<FileTime> newest(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(Scoreboard::modified).max(FileTime::compareTo);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
