package workbook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JavaCommandTest {

    /** Prints each argument on its own line, between brackets, so that empty and spaced ones show. */
    static final class PrintArguments {
        public static void main(String[] args) {
            for (String arg : args) {
                System.out.println("[" + arg + "]");
            }
        }
    }

    @Test
    void theCommandIsJavaThenOptionsThenClassPathThenClassThenArguments() {
        List<String> command = JavaCommand.forClass(PrintArguments.class, "a b", "");

        assertThat(command.get(0)).isEqualTo(JavaCommand.javaExecutable().toString());
        assertThat(command.subList(1, 1 + JavaCommand.LEAN_JVM_OPTIONS.size())).isEqualTo(JavaCommand.LEAN_JVM_OPTIONS);
        assertThat(command.subList(command.size() - 5, command.size()))
                .containsExactly("-cp", JavaCommand.classPath(PrintArguments.class), PrintArguments.class.getName(), "a b", "");
    }

    @Test
    void eachArgumentArrivesExactlyAsGiven() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(JavaCommand.forClass(PrintArguments.class, "two words", "", "ünï*cøde", "$HOME"))
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended within 30 s").isTrue();
            assertThat(output.lines()).containsExactly("[two words]", "[]", "[ünï*cøde]", "[$HOME]");
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void nullsAreRejectedWithWhereTheyWere() {
        assertThatThrownBy(() -> JavaCommand.forClass(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("mainClass");
        assertThatThrownBy(() -> JavaCommand.forClass(PrintArguments.class, (String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("args");
        assertThatThrownBy(() -> JavaCommand.forClass(PrintArguments.class, "first", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("args[1] is null");
        assertThatThrownBy(() -> JavaCommand.forClass(PrintArguments.class, Arrays.asList("-Da=b", null), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jvmOptions[1] is null");
        assertThatThrownBy(() -> JavaCommand.forClass(PrintArguments.class, List.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("args must not be null");
    }
}
