package workbook.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TodoTest {

    @Test
    void theMessageNamesTheExerciseAndWhatToReplace() {
        Todo todo = new Todo("4.2");
        assertThat(todo.exerciseId()).isEqualTo("4.2");
        assertThat(todo).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("exercise 4.2 is not implemented yet")
                .hasMessageContaining("throw new Todo(\"4.2\")");
    }
}
