package workbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A module's results scored against its exercise registry: the one place where points are computed,
 * for the scoreboard, the grader and the CI checks alike.
 *
 * @param module the module's folder name
 * @param exercises every registered exercise, in catalog order, with its tests
 * @param unregistered results of tests whose exercise is missing or not in the catalog (they earn nothing)
 */
public record ModuleScore(String module, List<ExerciseScore> exercises, List<TestRecord> unregistered) {

    public ModuleScore {
        exercises = List.copyOf(exercises);
        unregistered = List.copyOf(unregistered);
    }

    /**
     * @param catalog the module's registry
     * @param records the results of a run
     * @return the score
     */
    public static ModuleScore of(ExerciseCatalog catalog, Collection<TestRecord> records) {
        List<ExerciseScore> scores = new ArrayList<>();
        for (ExerciseSpec spec : catalog.exercises()) {
            scores.add(new ExerciseScore(spec, records.stream().filter(r -> r.exercise().equals(spec.id())).toList()));
        }
        List<TestRecord> unknown = records.stream().filter(r -> catalog.find(r.exercise()).isEmpty()).toList();
        return new ModuleScore(catalog.module(), scores, unknown);
    }

    /**
     * Reads the results files a run left in a module's {@value ResultsRecorder#RESULTS_FOLDER}.
     *
     * @param moduleDirectory the module's folder
     * @return every record found; none if the module's tests did not run
     */
    public static List<TestRecord> readResults(Path moduleDirectory) {
        Path folder = moduleDirectory.resolve(ResultsRecorder.RESULTS_FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<TestRecord> records = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().collect(Collectors.toList())) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .skip(1)
                        .filter(line -> !line.isBlank())
                        .map(TestRecord::parse)
                        .forEach(records::add);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test results in " + folder, e);
        }
    }

    /** @return points earned in this module */
    public int pointsEarned() {
        return exercises.stream().mapToInt(ExerciseScore::pointsEarned).sum();
    }

    /** @return points this module is worth */
    public int pointsPossible() {
        return exercises.stream().mapToInt(e -> e.spec().points()).sum();
    }

    /** @return how many exercises are done */
    public long exercisesDone() {
        return exercises.stream().filter(ExerciseScore::done).count();
    }

    /** @return the first exercise, in catalog order, that is not done */
    public Optional<ExerciseScore> nextExercise() {
        return exercises.stream().filter(e -> !e.done()).findFirst();
    }
}
