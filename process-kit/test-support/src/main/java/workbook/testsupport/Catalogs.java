package workbook.testsupport;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads a module's exercise registry from its compiled test classes, outside the module's own test
 * run (the scoreboard at the end of a build does).
 */
final class Catalogs {

    private Catalogs() {
    }

    /** An {@link ExerciseCatalog} read once and kept, so its class loader can be closed. */
    private record Snapshot(String module, List<ExerciseSpec> exercises) implements ExerciseCatalog {
    }

    /**
     * @param moduleDirectory a module's folder
     * @return its registry, if its test classes were compiled and hold one
     */
    static Optional<ExerciseCatalog> load(Path moduleDirectory) {
        Path testClasses = moduleDirectory.resolve("target/test-classes");
        if (!Files.isDirectory(testClasses)) {
            return Optional.empty();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {testClasses.toUri().toURL(),
                moduleDirectory.resolve("target/classes").toUri().toURL()}, Catalogs.class.getClassLoader())) {
            return ServiceLoader.load(ExerciseCatalog.class, loader).findFirst()
                    .map(c -> new Snapshot(c.module(), List.copyOf(c.exercises())));
        } catch (IOException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
