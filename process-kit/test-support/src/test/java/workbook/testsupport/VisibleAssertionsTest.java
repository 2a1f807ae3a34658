package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.AssertionStatements.Assertion;

/**
 * Every assertion of the workbook's visible tests says the rule it checks, so that a student who sees it
 * fail learns what to change without opening the test. Runs in the instructor and the student edition
 * alike: both have the modules beside the kit.
 */
@Timeout(30)
class VisibleAssertionsTest {

    @Test
    void everyVisibleAssertionSaysItsRule() throws IOException {
        Path root = workbookRoot(ReadableFailures.moduleDirectory())
                .orElseGet(() -> fail("no folder above " + ReadableFailures.moduleDirectory()
                        + " holds module-*/src/test/java: this test reads the workbook's visible tests there"));
        List<String> bare = new ArrayList<>();
        int assertions = 0;
        for (Path file : visibleTestSources(root)) {
            for (Assertion assertion : AssertionStatements.in(Files.readString(file))) {
                assertions++;
                if (!assertion.described()) {
                    bare.add(root.relativize(file).toString().replace('\\', '/') + ":" + assertion.line());
                }
            }
        }

        assertThat(assertions).as("the visible tests under %s hold assertions to check", root).isPositive();
        assertThat(bare)
                .as("""
                        every assertion of a visible test says its rule, so that its failure reads \
                        "[the rule] expected … but was …" and not AssertJ's bare message. Add .as("the rule") \
                        before the check; for assertThatThrownBy, whose .as(…) comes too late when nothing is \
                        thrown, write assertThatThrownBy(code, "the rule"). Without a description""")
                .isEmpty();
    }

    /** @return the nearest folder at or above {@code start} with {@code module-*}{@code /src/test/java} folders */
    static Optional<Path> workbookRoot(Path start) throws IOException {
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            try (Stream<Path> children = Files.list(folder)) {
                if (children.anyMatch(VisibleAssertionsTest::isModuleWithTests)) {
                    return Optional.of(folder);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isModuleWithTests(Path folder) {
        return folder.getFileName().toString().startsWith("module-") && Files.isDirectory(folder.resolve("src/test/java"));
    }

    private static List<Path> visibleTestSources(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path module : children.filter(VisibleAssertionsTest::isModuleWithTests).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/test/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
                }
            }
        }
        return sources;
    }
}
