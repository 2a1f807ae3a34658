package workbook.testsupport;

import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Runs only the tests of the exercises named by {@code -Dexercise}, so that a student can re-run the
 * one exercise they are working on from the top folder:
 *
 * <pre>
 * ./mvnw test -Dexercise=1.3        one exercise
 * ./mvnw test -Dexercise=1.3,1.4    several
 * ./mvnw test -Dexercise=2          every exercise of module 2
 * </pre>
 *
 * <p>A module with no matching test then runs none, which Surefire accepts, so the build goes on to
 * the module that has them; a test that grades no exercise (the kit's own) does not run either. Without
 * the property every test runs. Loaded by the JUnit Platform through
 * {@code META-INF/services/org.junit.platform.launcher.PostDiscoveryFilter}.
 */
public final class ExerciseFilter implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        Optional<List<String>> wanted = ExerciseSelection.fromSystemProperty();
        if (wanted.isEmpty() || !descriptor.isTest()) {
            return FilterResult.included("containers are kept; the platform prunes the empty ones");
        }
        Optional<String> exercise = descriptor.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> exerciseOf((MethodSource) source));
        if (exercise.isEmpty()) {
            return FilterResult.included("not a test method; kept");
        }
        return ExerciseSelection.matches(exercise.get(), wanted.get())
                ? FilterResult.included("grades exercise " + exercise.get())
                : FilterResult.excluded("grades exercise " + exercise.get() + ", not " + String.join(",", wanted.get()));
    }

    private static String exerciseOf(MethodSource source) {
        try {
            return TestRecord.exerciseOf(source.getJavaMethod());
        } catch (RuntimeException unloadable) {
            return "";
        }
    }
}
