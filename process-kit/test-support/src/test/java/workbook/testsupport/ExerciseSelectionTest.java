package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ExerciseSelectionTest {

    private final String before = System.getProperty(ExerciseSelection.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ExerciseSelection.PROPERTY);
        } else {
            System.setProperty(ExerciseSelection.PROPERTY, before);
        }
    }

    @Test
    void anIdMatchesThatExerciseOnly() {
        int module = ThreadLocalRandom.current().nextInt(1, 9);
        int number = ThreadLocalRandom.current().nextInt(1, 9);
        String id = module + "." + number;

        assertThat(ExerciseSelection.matches(id, List.of(id))).isTrue();
        assertThat(ExerciseSelection.matches(id, List.of("0" + id))).isTrue();
        assertThat(ExerciseSelection.matches(id, List.of(module + "." + (number + 1)))).isFalse();
        assertThat(ExerciseSelection.matches(module + "." + number + "0", List.of(id))).as("1.10 is not 1.1").isFalse();
        assertThat(ExerciseSelection.matches("", List.of(id))).as("a test without an exercise").isFalse();
    }

    @Test
    void aModuleNumberMatchesEveryExerciseOfThatModule() {
        assertThat(ExerciseSelection.matches("2.3", List.of("2"))).isTrue();
        assertThat(ExerciseSelection.matches("2.3", List.of("02"))).isTrue();
        assertThat(ExerciseSelection.matches("12.3", List.of("2"))).isFalse();
        assertThat(ExerciseSelection.matches("2.3", List.of("1", "2.3"))).isTrue();
    }

    @Test
    void theSelectionIsReadFromTheProperty() {
        System.clearProperty(ExerciseSelection.PROPERTY);
        assertThat(ExerciseSelection.fromSystemProperty()).isEmpty();

        System.setProperty(ExerciseSelection.PROPERTY, " 1.3, 2 ");
        assertThat(ExerciseSelection.fromSystemProperty()).contains(List.of("1.3", "2"));
    }

    @Test
    void somethingThatIsNotAnExerciseIsRejectedWithWhatToType() {
        System.setProperty(ExerciseSelection.PROPERTY, "FreshJvmCommandTest");

        assertThatThrownBy(ExerciseSelection::fromSystemProperty)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dexercise=FreshJvmCommandTest is not an exercise")
                .hasMessageContaining("-Dexercise=1.3");
    }

    @Test
    void theBoardSaysWhatTheRunWasLimitedToInWords() {
        assertThat(ExerciseSelection.describe("1.1")).isEqualTo("exercise 1.1");
        assertThat(ExerciseSelection.describe("1.3, 1.4")).isEqualTo("exercises 1.3, 1.4");
        assertThat(ExerciseSelection.describe("2")).as("a module number is not an exercise").isEqualTo("module 2");
        assertThat(ExerciseSelection.describe("1.3,2,3")).isEqualTo("exercise 1.3 and modules 2, 3");
        assertThat(ExerciseSelection.describe("one")).as("a mistyped value is shown as typed").isEqualTo("one");
    }
}
