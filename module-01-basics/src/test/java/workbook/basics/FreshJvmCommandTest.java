package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.PrintArguments;
import workbook.testsupport.Exercise;

@Exercise("1.1")
class FreshJvmCommandTest {

    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @Test
    void theCommandIsTheLauncherThenPropertiesThenClassPathThenClassThenArguments() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("workbook.greeting", "hello");
        List<String> command = FreshJvmCommand.build("classes", properties, "com.example.Main", List.of("a", "b c"));

        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(command.get(0)).as("the launcher is <java.home>/bin/java of the running JVM").startsWith(launcher);
        assertThat(command.subList(1, command.size()))
                .as("the command is the launcher, -Dkey=value per property, -cp, the class path, the class, then the arguments")
                .containsExactly("-Dworkbook.greeting=hello", "-cp", "classes", "com.example.Main", "a", "b c");
    }

    @Test
    void theChildReceivesEachArgumentAndPropertyExactly(@TempDir Path dir) throws Exception {
        List<String> command = FreshJvmCommand.build(CLASS_PATH, Map.of("workbook.colour", "dark blue"),
                PrintArguments.class.getName(), List.of("one", "two words", ""));

        assertThat(Children.outputOf(command, dir).lines())
                .as("every argument and property reaches the child exactly as written, one element each")
                .containsExactly("arg=one", "arg=two words", "arg=", "prop=workbook.colour=dark blue");
    }

    @Test
    void aBlankClassNameIsRejected() {
        assertThatThrownBy(() -> FreshJvmCommand.build(CLASS_PATH, Map.of(), " ", List.of()),
                "a blank mainClass is an IllegalArgumentException whose message names mainClass")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mainClass");
    }
}
