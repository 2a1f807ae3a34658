package workbook.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Module folders as a finished test run leaves them: a catalog registered through a services file (in
 * the sources and in {@code target/test-classes}) and one results file. The tools that read results
 * (the scoreboard, the workbook check) are tested on these, without building a module.
 */
public final class FakeModules {

    private FakeModules() {
    }

    /** A registry of two exercises, as in a real module. */
    public static final class TwoExercises implements ExerciseCatalog {
        @Override
        public String module() {
            return "module-07-sample";
        }

        @Override
        public List<ExerciseSpec> exercises() {
            return List.of(new ExerciseSpec("7.1", "Start a child", 2, "Use ProcessBuilder.start()."),
                    new ExerciseSpec("7.2", "Wait for it", 3, "Process.waitFor(timeout) tells you whether it ended."));
        }
    }

    /**
     * @param root the folder that holds the modules
     * @param name the module's folder name
     * @param catalog the module's registry; a public class with a public no-argument constructor
     * @param records what the run recorded
     * @return the module's folder
     */
    public static Path write(Path root, String name, Class<? extends ExerciseCatalog> catalog, TestRecord... records) throws IOException {
        Path module = root.resolve(name);
        for (String servicesFolder : List.of("target/test-classes/META-INF/services", "src/test/resources/META-INF/services")) {
            Path services = Files.createDirectories(module.resolve(servicesFolder));
            Files.writeString(services.resolve(ExerciseCatalog.class.getName()), catalog.getName() + "\n");
        }
        Path results = Files.createDirectories(module.resolve(ResultsRecorder.RESULTS_FOLDER));
        List<String> lines = new ArrayList<>(List.of(TestRecord.HEADER));
        for (TestRecord r : records) {
            lines.add(r.toLine());
        }
        Files.write(results.resolve("sample.SampleTest.tsv"), lines, StandardCharsets.UTF_8);
        return module;
    }
}
