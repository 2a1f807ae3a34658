package workbook.testsupport;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The exercise registry of one module: its exercises with their points and hints, in the order a
 * student should do them.
 *
 * <p>Each module implements it once in its visible test sources and lists the implementation in
 * {@code src/test/resources/META-INF/services/workbook.testsupport.ExerciseCatalog}. Points are taken
 * from here only: a test result for an exercise that is not registered earns nothing.
 */
public interface ExerciseCatalog {

    /** @return the module's folder name, such as {@code module-01-basics} */
    String module();

    /** @return the module's exercises, in the order they should be done */
    List<ExerciseSpec> exercises();

    /**
     * @param id an exercise id
     * @return the registered exercise with that id
     */
    default Optional<ExerciseSpec> find(String id) {
        return exercises().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** @return the catalog on the test class path, if the module has one */
    static Optional<ExerciseCatalog> load() {
        return ServiceLoader.load(ExerciseCatalog.class).findFirst();
    }
}
