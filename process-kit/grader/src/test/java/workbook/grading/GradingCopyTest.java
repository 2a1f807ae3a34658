package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What a grading copy takes from a submission, how it notices tampering, and how it ends a run's processes. */
class GradingCopyTest {

    @TempDir
    Path submission;

    @TempDir
    Path copy;

    @Test
    void onlyJavaSourcesInTheSkeletonsPackagesAreTaken() throws IOException {
        write(copy, "module-09-demo/src/main/java/workbook/demo/Adder.java", "skeleton");
        write(submission, "module-09-demo/src/main/java/workbook/demo/Adder.java", "student");
        write(submission, "module-09-demo/src/main/java/workbook/demo/Helper.java", "helper");
        write(submission, "module-09-demo/src/main/java/workbook/testsupport/ResultsRecorder.java", "shadow");
        write(submission, "module-09-demo/src/main/java/org/junit/jupiter/api/Assertions.java", "shadow");
        write(submission, "module-09-demo/src/main/java/module-info.java", "module x {}");
        write(submission, "module-09-demo/src/main/java/workbook/demo/notes.txt", "text");
        write(submission, "module-09-demo/src/test/java/workbook/demo/AddTest.java", "edited test");

        List<String> notes = Overlay.apply(Overlay.submissionRoot(submission).orElseThrow(), copy, "module-09-demo");

        Path main = copy.resolve("module-09-demo/src/main/java");
        assertThat(main.resolve("workbook/demo/Adder.java")).hasContent("student");
        assertThat(main.resolve("workbook/demo/Helper.java")).hasContent("helper");
        assertThat(main.resolve("workbook/testsupport")).doesNotExist();
        assertThat(main.resolve("org")).doesNotExist();
        assertThat(main.resolve("module-info.java")).doesNotExist();
        assertThat(main.resolve("workbook/demo/notes.txt")).doesNotExist();
        assertThat(copy.resolve("module-09-demo/src/test")).doesNotExist();
        assertThat(String.join("\n", notes)).contains("workbook/testsupport/ResultsRecorder.java: ignored",
                "org/junit/jupiter/api/Assertions.java: ignored", "module-info.java: ignored");
    }

    @Test
    void aModuleFolderThatIsALinkIsNotFollowed(@TempDir Path elsewhere) throws IOException {
        write(copy, "module-09-demo/src/main/java/workbook/demo/Adder.java", "skeleton");
        write(elsewhere, "module-09-demo/src/main/java/workbook/demo/Adder.java", "a classmate's work");
        write(submission, "module-08-other/src/main/java/workbook/other/Other.java", "own work");
        Files.createSymbolicLink(submission.resolve("module-09-demo"), elsewhere.resolve("module-09-demo"));

        List<String> notes = Overlay.apply(Overlay.submissionRoot(submission).orElseThrow(), copy, "module-09-demo");

        assertThat(copy.resolve("module-09-demo/src/main/java/workbook/demo/Adder.java")).hasContent("skeleton");
        assertThat(String.join("\n", notes)).contains("symbolic link");
    }

    @Test
    void everyEntryOfAClassThatIsNotAFolderToGradeSaysWhy(@TempDir Path classFolder) throws IOException {
        Path file = Files.writeString(classFolder.resolve("notes.txt"), "text");
        Path hidden = Files.createDirectories(classFolder.resolve(".git"));
        Path link = Files.createSymbolicLink(classFolder.resolve("link"), hidden);
        Path folder = Files.createDirectories(classFolder.resolve("alice"));

        assertThat(Grade.whyNotGraded(file)).contains("not a folder");
        assertThat(Grade.whyNotGraded(hidden)).contains("hidden folder");
        assertThat(Grade.whyNotGraded(link)).contains("symbolic link");
        assertThat(Grade.whyNotGraded(folder)).isEmpty();
    }

    @Test
    void aSubmissionZippedWithItsTopFolderIsFound() throws IOException {
        write(submission, "my-workbook/module-09-demo/src/main/java/workbook/demo/Adder.java", "student");

        assertThat(Overlay.submissionRoot(submission)).contains(submission.resolve("my-workbook"));
    }

    @Test
    void theTripwireNoticesChangedAddedAndDeletedFilesButNotTheRunsOwnOutput() throws IOException {
        write(copy, "module-09-demo/target/test-classes/workbook/demo/AddTest.class", "compiled test");
        write(copy, "module-09-demo/pom.xml", "pom");
        write(copy, "module-09-demo/src/test/java/workbook/demo/AddTest.java", "test");
        Tripwire tripwire = Tripwire.arm(copy);

        write(copy, "module-09-demo/target/workbook-results/workbook.demo.AddTest.tsv", "results");
        write(copy, "module-09-demo/target/surefire-reports/TEST-workbook.demo.AddTest.xml", "report");
        assertThat(tripwire.changes(10)).isEmpty();

        write(copy, "module-09-demo/target/test-classes/workbook/demo/AddTest.class", "forged test");
        write(copy, "module-09-demo/target/test-classes/org/junit/jupiter/api/Assertions.class", "shadow");
        Files.delete(copy.resolve("module-09-demo/pom.xml"));

        assertThat(tripwire.changes(10)).containsExactlyInAnyOrder(
                "changed module-09-demo/target/test-classes/workbook/demo/AddTest.class",
                "added module-09-demo/target/test-classes/org/junit/jupiter/api/Assertions.class",
                "deleted module-09-demo/pom.xml");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    @Timeout(30)
    void aMarkedProcessThatLeftTheTreeIsFoundAndKilled() throws Exception {
        MarkedProcesses mark = MarkedProcesses.fresh();
        Path pidFile = copy.resolve("orphan.pid");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep 300 </dev/null >/dev/null 2>&1 & echo $! > " + pidFile);
        builder.environment().put(MarkedProcesses.VARIABLE, mark.value());
        Process shell = builder.start();
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).as("the shell that starts the orphan exits at once").isTrue();
        long orphan = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle handle = ProcessHandle.of(orphan).orElseThrow(() -> new AssertionError("orphan " + orphan + " did not start"));
        assertThat(ProcessHandle.current().descendants()).as("the orphan has left this JVM's process tree").doesNotContain(handle);

        assertThat(mark.find()).contains(orphan);
        int killed = mark.killAll(5);

        assertThat(killed).isGreaterThanOrEqualTo(1);
        assertThat(handle.onExit().get(10, TimeUnit.SECONDS).isAlive())
                .as("orphan %d was still alive 10 s after killAll()", orphan).isFalse();
        assertThat(mark.find()).isEmpty();
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
