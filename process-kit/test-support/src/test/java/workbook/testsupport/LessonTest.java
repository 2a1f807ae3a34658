package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class LessonTest {

    @Test
    void theAnchorIsGitHubsForTheHeadingThatNamesTheExercise(@TempDir Path root) throws IOException {
        Path module = Files.createDirectories(root.resolve("module-02-join"));
        Files.writeString(module.resolve("README.md"), """
                # Waiting for children

                ### Exercise 2.10: Join many
                text
                ### Exercise 2.1 — Join one child's "exit"
                text
                """);

        assertThat(Lesson.link(module, "2.1")).isEqualTo("module-02-join/README.md#exercise-21--join-one-childs-exit");
        assertThat(Lesson.link(module, "2.10")).isEqualTo("module-02-join/README.md#exercise-210-join-many");
    }

    @Test
    void withoutSuchAHeadingTheLinkIsTheLesson(@TempDir Path root) throws IOException {
        Path module = Files.createDirectories(root.resolve("module-03-daemon"));

        assertThat(Lesson.link(module, "3.1")).isEqualTo("module-03-daemon/README.md");

        Files.writeString(module.resolve("README.md"), "# Daemons\nExercise 3.1 is mentioned but has no heading.\n");
        assertThat(Lesson.link(module, "3.1")).isEqualTo("module-03-daemon/README.md");
    }
}
