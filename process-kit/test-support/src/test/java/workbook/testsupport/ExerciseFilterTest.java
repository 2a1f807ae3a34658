package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@Timeout(30)
class ExerciseFilterTest {

    private final String before = System.getProperty(ExerciseSelection.PROPERTY);

    /** Discovered, never run: nested classes are not picked up by Surefire. */
    @Exercise("8.1")
    static class Sample {
        @Test
        void first() {
        }

        @Test
        @Exercise("8.2")
        void second() {
        }
    }

    @Exercise("9.1")
    static class OtherModule {
        @Test
        void third() {
        }
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ExerciseSelection.PROPERTY);
        } else {
            System.setProperty(ExerciseSelection.PROPERTY, before);
        }
    }

    @Test
    void keepsOnlyTheTestsOfTheExercisesNamed() {
        System.setProperty(ExerciseSelection.PROPERTY, "8.2");
        assertThat(discovered()).containsExactly("second");

        System.setProperty(ExerciseSelection.PROPERTY, "8");
        assertThat(discovered()).containsExactlyInAnyOrder("first", "second");

        System.setProperty(ExerciseSelection.PROPERTY, "7.1");
        assertThat(discovered()).as("a module with no matching test runs none").isEmpty();
    }

    @Test
    void withoutThePropertyEveryTestIsKept() {
        System.clearProperty(ExerciseSelection.PROPERTY);

        assertThat(discovered()).containsExactlyInAnyOrder("first", "second", "third");
    }

    private static Set<String> discovered() {
        TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Sample.class), selectClass(OtherModule.class))
                .filters(new ExerciseFilter())
                .build());
        return plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .map(TestIdentifier::getDisplayName)
                .map(name -> name.replace("()", ""))
                .collect(Collectors.toSet());
    }
}
