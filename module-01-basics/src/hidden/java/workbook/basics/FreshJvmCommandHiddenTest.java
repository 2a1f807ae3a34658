package workbook.basics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.PrintArguments;
import workbook.testsupport.Exercise;

@Exercise("1.1")
class FreshJvmCommandHiddenTest {

    private static final List<String> AWKWARD = List.of(
            "", " ", "two  spaces", "\"double quoted\"", "'single quoted'", "$HOME", "${PATH}", "*", "?.txt",
            "a;b", "a&&b", "a|b", "`date`", "back\\slash", "tab\there", "-version", "--", "日本語", "ünïcödé ✓", "=",
            "%PATH%", "!event", "<in", ">out", "#comment");

    @RepeatedTest(2)
    void awkwardArgumentsAndPropertiesReachTheChildUnchanged(@TempDir Path dir) throws Exception {
        Random random = new Random();
        List<String> args = new ArrayList<>(AWKWARD);
        Collections.shuffle(args, random);
        args = args.subList(0, 8 + random.nextInt(8));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("workbook.empty", "");
        properties.put("workbook.spaced", "a value with spaces");
        properties.put("workbook.equals", "k=v=w");
        properties.put("workbook.unicode", "値 " + random.nextInt(1000));

        List<String> command = FreshJvmCommand.build(System.getProperty("java.class.path"), properties,
                PrintArguments.class.getName(), args);

        List<String> expected = new ArrayList<>();
        args.forEach(a -> expected.add("arg=" + a));
        properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> expected.add("prop=" + e.getKey() + "=" + e.getValue()));
        assertThat(Children.outputOf(command, dir).lines()).as("what the child received for " + args).containsExactlyElementsOf(expected);
    }

    @Test
    void aClassPathWithSpacesWorks(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("class path with spaces");
        String classFile = PrintArguments.class.getName().replace('.', '/') + ".class";
        Path target = classes.resolve(classFile);
        Files.createDirectories(target.getParent());
        try (var in = PrintArguments.class.getClassLoader().getResourceAsStream(classFile)) {
            Files.copy(in, target);
        }

        List<String> command = FreshJvmCommand.build(classes.toString(), Map.of(), PrintArguments.class.getName(), List.of("ok"));

        assertThat(Children.outputOf(command, dir).lines()).containsExactly("arg=ok");
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        String cp = System.getProperty("java.class.path");
        assertThatThrownBy(() -> FreshJvmCommand.build(null, Map.of(), "Main", List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("classPath");
        assertThatThrownBy(() -> FreshJvmCommand.build(cp, Map.of(), null, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("mainClass");
        assertThatThrownBy(() -> FreshJvmCommand.build(cp, Map.of("a=b", "c"), "Main", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a=b");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> FreshJvmCommand.build(cp, Map.of(), "Main", withNull))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void buildsTheCommandItselfWithoutTheKitsHelper() {
        List<String> command = FreshJvmCommand.build("cp", Map.of(), "Main", List.of());
        assertThat(command).hasSize(4);

        noClasses().that().haveSimpleName("FreshJvmCommand")
                .should().dependOnClassesThat().resideInAPackage("workbook.process..")
                .because("exercise 1.1 is to build the command line yourself, not to call the kit's JavaCommand")
                .check(new ClassFileImporter().importClasses(FreshJvmCommand.class));
    }

    @Test
    void thePropertiesFollowTheMapsOwnOrderAndTheLauncherIsThisJvms() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("workbook.zulu", "1");
        properties.put("workbook.alpha", "2");
        properties.put("workbook.mike", "3");

        List<String> command = FreshJvmCommand.build("classes", properties, "com.example.Main", List.of("x"));

        String executable = System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java";
        assertThat(command.get(0)).as("the launcher: <java.home>/bin/java of the running JVM")
                .isEqualTo(Path.of(System.getProperty("java.home"), "bin", executable).toString());
        assertThat(command.subList(1, command.size()))
                .as("the properties, one -Dkey=value each, in the map's iteration order (not sorted), then the rest")
                .containsExactly("-Dworkbook.zulu=1", "-Dworkbook.alpha=2", "-Dworkbook.mike=3", "-cp", "classes",
                        "com.example.Main", "x");
    }

    @Test
    void anEmptyKeyANullKeyAndANullValueAreRejected() {
        Map<String, String> emptyKey = new LinkedHashMap<>();
        emptyKey.put("", "v");
        assertThatThrownBy(() -> FreshJvmCommand.build("cp", emptyKey, "Main", List.of()))
                .as("a property with an empty key").isInstanceOf(IllegalArgumentException.class);
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("workbook.key", null);
        assertThatThrownBy(() -> FreshJvmCommand.build("cp", nullValue, "Main", List.of()))
                .as("a property with a null value").isInstanceOf(NullPointerException.class);
        Map<String, String> nullKey = new LinkedHashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> FreshJvmCommand.build("cp", nullKey, "Main", List.of()))
                .as("a property with a null key").isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FreshJvmCommand.build("cp", null, "Main", List.of()))
                .as("null properties").isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FreshJvmCommand.build("cp", Map.of(), "Main", null))
                .as("null args").isInstanceOf(NullPointerException.class);
    }
}
