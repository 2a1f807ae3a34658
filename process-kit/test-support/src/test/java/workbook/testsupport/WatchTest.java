package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class WatchTest {

    @TempDir
    Path root;

    @Test
    void aSavedFileReRunsItsExerciseAndStoppingTheWatchLeavesNoProcessBehind() throws Exception {
        assumeFalse(File.separatorChar == '\\', "the fake wrapper is a POSIX shell script");
        Path source = write("module-07-sample/src/main/java/sample/Starter.java",
                "class Starter {\n    void start() {\n        throw new Todo(\"7.2\");\n    }\n}\n");
        write("module-07-sample/src/main/java/sample/Helper.java", "class Helper {\n    // throw new Todo(\"7.1\");\n}\n");
        Path calls = root.resolve("calls.txt");
        // The fake wrapper notes its arguments; from the second call on it stays busy, like a long test run.
        Path wrapper = write("mvnw", "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
                + "if [ \"$(wc -l < '" + calls + "')\" -ge 2 ]; then sleep 60; fi\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(Watch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process watch = new ProcessBuilder(java, "-cp", classes, Watch.class.getName(), root.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("watch.log").toFile()).start();
        try {
            await("the first run, of the next unfinished exercise").atMost(Duration.ofSeconds(60))
                    .until(() -> lines(calls).size() == 1);
            assertThat(lines(calls)).containsExactly("-q test -pl module-07-sample -am -Dexercise=7.2");
            await("the watch to report that it watches").atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readString(root.resolve("watch.log")).contains("Ctrl-C stops"));

            Files.writeString(source, "class Starter {\n    void start() {\n        new ProcessBuilder(\"true\");\n    }\n}\n");

            await("the run after the save").atMost(Duration.ofSeconds(60)).until(() -> lines(calls).size() >= 2);
            assertThat(lines(calls).get(1)).as("the exercise whose TODO the saved file held")
                    .isEqualTo("-q test -pl module-07-sample -am -Dexercise=7.2");
            await("the build to be running").atMost(Duration.ofSeconds(30))
                    .until(() -> watch.descendants().anyMatch(p -> p.info().command().orElse("").endsWith("sleep")));
        } finally {
            List<ProcessHandle> build = watch.descendants().toList();
            watch.destroy();
            assertThat(watch.waitFor(30, TimeUnit.SECONDS)).as("the watch ends when told to stop").isTrue();
            await("every process of the running build to end with the watch").atMost(Duration.ofSeconds(30))
                    .until(() -> build.stream().noneMatch(ProcessHandle::isAlive));
            build.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aFileThatNeverHeldATodoRunsItsWholeModule() throws IOException {
        Path helper = write("module-03-daemon/src/main/java/x/Helper.java", "class Helper {}\n");
        Watch watch = new Watch(root, List.of("mvnw"));

        assertThat(watch.remember(helper)).isEmpty();
        assertThat(Watch.moduleNumber("module-03-daemon")).isEqualTo("3");
        assertThat(Watch.moduleNumber("module-12-extra")).isEqualTo("12");
        assertThat(Watch.todosIn(write("module-03-daemon/src/main/java/x/A.java", "throw new Todo(\"3.10\"); throw new Todo(\"3.2\");\n")))
                .isEqualTo(Set.of("3.10", "3.2"));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
    }
}
