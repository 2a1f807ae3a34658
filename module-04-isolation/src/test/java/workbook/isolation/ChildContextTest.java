package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.isolation.children.ContextProbe;
import workbook.testsupport.Exercise;

@Exercise("4.4")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChildContextTest {

    @TempDir
    Path dir;

    @Test
    void theChildRunsInTheGivenDirectoryWithTheGivenVariable() throws Exception {
        Path workDir = Files.createDirectory(dir.resolve("work dir"));
        Files.createFile(workDir.resolve(ContextProbe.PERMIT));
        String parentDir = System.getProperty("user.dir");

        Process child = ChildContext.start(ContextProbe.class, workDir, Map.of("WORKBOOK_GREETING", "good morning"),
                "WORKBOOK_GREETING", "PATH");
        ProbeReport report = ProbeReport.readFrom(child);

        assertThat(report.workingDirectory())
                .as("the child runs in a fresh JVM whose working directory is workingDirectory")
                .isEqualTo(workDir.toRealPath());
        assertThat(workDir.resolve(ContextProbe.MARKER))
                .as("the file the child created by a relative name lands in its working directory")
                .exists();
        assertThat(report.variables())
                .as("a name mapped to a value sets that variable in the child; every other variable (PATH) is inherited unchanged")
                .containsEntry("WORKBOOK_GREETING", "good morning")
                .containsEntry("PATH", System.getenv("PATH"));
        assertThat(System.getenv("WORKBOOK_GREETING"))
                .as("this JVM's own environment is not changed")
                .isNull();
        assertThat(System.getProperty("user.dir"))
                .as("this JVM's own working directory (user.dir) is not changed")
                .isEqualTo(parentDir);
    }

    @Test
    void aVariableMappedToNullIsRemovedFromTheChildOnly() throws Exception {
        String inherited = ProbeReport.removableVariables().get(0);
        Map<String, String> changes = new HashMap<>();
        changes.put(inherited, null);

        ProbeReport report = ProbeReport.readFrom(ChildContext.start(ContextProbe.class, dir, changes, inherited));

        assertThat(report.variables())
                .as("a name mapped to null removes that variable from the child (%s); the child printed:%n%s",
                        inherited, report.text())
                .doesNotContainKey(inherited);
        assertThat(System.getenv(inherited))
                .as("this JVM's own environment is not changed: it still has %s", inherited)
                .isNotNull();
    }

    @Test
    void aMissingWorkingDirectoryIsRejectedByName() {
        Path missing = dir.resolve("no such directory");

        assertThatThrownBy(() -> ChildContext.start(ContextProbe.class, missing, Map.of()),
                "a working directory that does not exist throws IllegalArgumentException naming it")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void theChildIsStartedWithProcessBuilder() {
        ProcessRules.assertStartsWithProcessBuilder(ChildContext.class);
    }
}
