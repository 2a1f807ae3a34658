package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import workbook.testsupport.ExerciseCatalog;
import workbook.testsupport.ExerciseSpec;
import workbook.testsupport.ModuleScore;
import workbook.testsupport.TestRecord;

/**
 * What a submission is graded against, taken from the instructor's own code before any student code
 * runs: each module's exercise registry and the full list of tests the pristine build runs.
 *
 * <p>It comes from a grading build of the pristine skeleton, which runs every visible and hidden test
 * (each fails there, quickly). A submission's results files are then read only for the tests listed
 * here: a forged line for a test that does not exist earns nothing, and a listed test without a result
 * counts as failed. Repeated and parameterised tests are listed once per method.
 *
 * @param modules the modules, in order, each with its registry and tests
 */
record Baseline(Map<String, ModuleBaseline> modules) {

    /**
     * One module's registry and tests.
     *
     * @param module the module's folder name
     * @param exercises its exercises, in catalog order
     * @param tests every test the pristine build runs
     */
    record ModuleBaseline(String module, List<ExerciseSpec> exercises, List<ExpectedTest> tests) {

        /** @return the registry as a catalog, for {@link ModuleScore#of} */
        ExerciseCatalog catalog() {
            List<ExerciseSpec> specs = List.copyOf(exercises);
            String name = module;
            return new ExerciseCatalog() {
                @Override
                public String module() {
                    return name;
                }

                @Override
                public List<ExerciseSpec> exercises() {
                    return specs;
                }
            };
        }

        int pointsPossible() {
            return exercises.stream().mapToInt(ExerciseSpec::points).sum();
        }
    }

    /**
     * Builds the baseline: grades the pristine skeleton in a fresh copy and reads registries and tests.
     *
     * @param edition the instructor edition
     * @param modules the modules to grade
     * @param workFolder a folder for the copy and its log
     */
    static Baseline compute(Edition edition, List<String> modules, Path workFolder) throws IOException, InterruptedException {
        Path copy = edition.copyTo(workFolder.resolve("pristine"));
        MarkedProcesses mark = MarkedProcesses.fresh();
        MavenRun run;
        try {
            run = MavenRun.run(copy, mark, Duration.ofMinutes(30), workFolder.resolve("baseline-build.log"),
                    Grader.testArguments(Grader.Tests.ALL, modules, List.of(), null, 1));
        } finally {
            mark.killAll(20);
        }
        if (run.timedOut() || run.exitCode() != 0) {
            throw new IllegalStateException("the pristine instructor edition did not build (exit " + run.exitCode()
                    + (run.timedOut() ? ", time limit reached" : "") + "); see " + run.log()
                    + ". Fix the instructor edition (./mvnw -Pgrading test) before grading.");
        }
        Map<String, ModuleBaseline> result = new LinkedHashMap<>();
        for (String module : modules) {
            Path folder = copy.resolve(module);
            List<ExerciseSpec> specs = loadCatalog(folder).map(ExerciseCatalog::exercises).orElse(List.of());
            if (specs.isEmpty()) {
                continue; // a module without exercises yet is not graded
            }
            Set<ExpectedTest> tests = new LinkedHashSet<>();
            for (TestRecord r : ModuleScore.readResults(folder)) {
                tests.add(new ExpectedTest(r.exercise(), r.testClass(), ExpectedTest.methodOf(r.test()), r.hidden()));
            }
            result.put(module, new ModuleBaseline(module, specs, new ArrayList<>(tests)));
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("no module of " + modules + " has an exercise registry; nothing to grade");
        }
        Edition.deleteTree(copy);
        return new Baseline(result);
    }

    private static java.util.Optional<ExerciseCatalog> loadCatalog(Path module) {
        Path testClasses = module.resolve("target/test-classes");
        if (!Files.isDirectory(testClasses)) {
            return java.util.Optional.empty();
        }
        try {
            URL[] urls = {testClasses.toUri().toURL(), module.resolve("target/classes").toUri().toURL()};
            URLClassLoader loader = new URLClassLoader(urls, Baseline.class.getClassLoader());
            return ServiceLoader.load(ExerciseCatalog.class, loader).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the baseline to a file, so that a later run (a Gradescope container, say) can reuse it. */
    void save(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# workbook grading baseline: exercises and tests of the pristine instructor edition");
        for (ModuleBaseline m : modules.values()) {
            for (ExerciseSpec e : m.exercises()) {
                lines.add(String.join("\t", "exercise", m.module(), e.id(), Integer.toString(e.points()), clean(e.title()), clean(e.hint())));
            }
            for (ExpectedTest t : m.tests()) {
                lines.add(String.join("\t", "test", m.module(), t.exercise(), t.testClass(), t.method(), Boolean.toString(t.hidden())));
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads a file written by {@link #save}. */
    static Baseline load(Path file) throws IOException {
        Map<String, List<ExerciseSpec>> specs = new LinkedHashMap<>();
        Map<String, List<ExpectedTest>> tests = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length == 6 && f[0].equals("exercise")) {
                specs.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new ExerciseSpec(f[2], f[4], Integer.parseInt(f[3]), f[5]));
            } else if (f.length == 6 && f[0].equals("test")) {
                tests.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new ExpectedTest(f[2], f[3], f[4], Boolean.parseBoolean(f[5])));
            } else {
                throw new IllegalArgumentException(file + " is not a grading baseline (bad line: " + line
                        + "); delete it and let bin/grade compute a new one");
            }
        }
        Map<String, ModuleBaseline> result = new LinkedHashMap<>();
        specs.forEach((module, list) -> result.put(module, new ModuleBaseline(module, list, tests.getOrDefault(module, List.of()))));
        return new Baseline(result);
    }

    /** @return the baseline restricted to the given modules (all of them if the list is empty) */
    Baseline only(List<String> wanted) {
        if (wanted.isEmpty()) {
            return this;
        }
        Map<String, ModuleBaseline> kept = new LinkedHashMap<>();
        modules.forEach((k, v) -> {
            if (wanted.contains(k)) {
                kept.put(k, v);
            }
        });
        return new Baseline(kept);
    }

    private static String clean(String text) {
        return text.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
