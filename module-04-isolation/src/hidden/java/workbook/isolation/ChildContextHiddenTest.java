package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.isolation.children.ContextProbe;
import workbook.isolation.children.UntilStdinCloses;
import workbook.testsupport.Exercise;

@Exercise("4.4")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChildContextHiddenTest {

    @TempDir
    Path dir;

    @Test
    void randomVariablesSetRemovedAndInheritedInARandomDirectory() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Path workDir = Files.createDirectories(dir.resolve("level " + random.nextInt(1000)).resolve("inner dir"));
        Files.createFile(workDir.resolve(ContextProbe.PERMIT));
        String name = "WORKBOOK_VAR_" + random.nextInt(1_000_000);
        String value = "a value with spaces, $HOME, 'quotes', =signs= and caf\u00e9 #" + random.nextInt();
        List<String> inheritedNames = ProbeReport.removableVariables();
        String removed = inheritedNames.get(random.nextInt(inheritedNames.size()));
        Map<String, String> changes = new HashMap<>();
        changes.put(name, value);
        changes.put(removed, null);
        String parentDir = System.getProperty("user.dir");

        ProbeReport report = ProbeReport.readFrom(ChildContext.start(ContextProbe.class, workDir, changes, name, removed, "PATH"));

        assertThat(report.workingDirectory()).as("the child's working directory").isEqualTo(workDir.toRealPath());
        assertThat(workDir.resolve(ContextProbe.MARKER)).as("the child's relative file is in its working directory").exists();
        assertThat(report.variables())
                .as("the child's variables: %s set, %s removed, PATH inherited; the child printed:%n%s",
                        name, removed, report.text())
                .containsEntry(name, value)
                .doesNotContainKey(removed)
                .containsEntry("PATH", System.getenv("PATH"));
        assertThat(System.getenv(name)).as("the parent's environment does not get %s", name).isNull();
        assertThat(System.getenv(removed)).as("the parent keeps %s", removed).isNotNull();
        assertThat(System.getProperty("user.dir")).as("the parent's user.dir").isEqualTo(parentDir);
    }

    @Test
    void badWorkingDirectoriesAndNamesAreRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("a file, not a directory"), "x");
        assertThatThrownBy(() -> ChildContext.start(ContextProbe.class, file, Map.of()))
                .as("a regular file as the working directory")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
        assertThatThrownBy(() -> ChildContext.start(ContextProbe.class, dir, Map.of("A=B", "c")))
                .as("a variable name with '='")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A=B");
        Map<String, String> removeAnEqualsSign = new HashMap<>();
        removeAnEqualsSign.put("=LEADING", null);
        assertThat(catchThrowable(() -> ChildContext.start(ContextProbe.class, dir, removeAnEqualsSign)))
                .as("a variable name that starts with '=' (to be removed): '=' anywhere in a name, at index 0 too,"
                        + " is rejected, whether the name is to be set or removed")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("=LEADING");
        assertThatThrownBy(() -> ChildContext.start(ContextProbe.class, dir, Map.of("", "c")))
                .as("an empty variable name")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChildContext.start(ContextProbe.class, null, Map.of()))
                .as("a null working directory")
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void startReturnsWhileTheChildRuns() throws Exception {
        ForeignCall<Process> call = ForeignCall.start("ChildContext.start",
                () -> ChildContext.start(UntilStdinCloses.class, dir, Map.of()));
        try {
            Object outcome = call.outcome(Duration.ofSeconds(4));
            assertThat(outcome)
                    .as("what ChildContext.start did within 4 s with a child that runs until its standard input is"
                            + " closed: start returns the started child at once (starting a process takes milliseconds),"
                            + " and the caller waits for it; do not wait for the child, not even for a while")
                    .isInstanceOf(Process.class);
            Process child = (Process) outcome;
            assertThat(child.isAlive()).as("the child that start returned is still running").isTrue();
            child.getOutputStream().close();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the child ended once its standard input was closed").isTrue();
        } finally {
            ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
            call.awaitEnd(Duration.ofSeconds(20));
        }
    }

    @Test
    void theChildIsStartedWithProcessBuilder() {
        ProcessRules.assertStartsWithProcessBuilder(ChildContext.class);
    }
}
