package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HandInTest {

    @TempDir
    Path root;

    @Test
    void theZipHoldsExactlyTheJavaFilesTheGraderReadsAndTheReportSaysWhatWasLeftOut() throws IOException {
        write("module-01-basics/src/main/java/workbook/basics/Launcher.java", "class Launcher {}");
        write("module-01-basics/src/main/java/workbook/basics/Helper.java", "class Helper {}");
        write("module-02-join/src/main/java/workbook/join/JoinAll.java", "class JoinAll {}");
        write("module-01-basics/src/main/java/workbook/basics/notes.txt", "mine");
        write("module-01-basics/src/test/java/workbook/basics/LauncherTest.java", "class LauncherTest {}");
        write("module-01-basics/target/classes/workbook/basics/Launcher.class", "build output");
        write("module-01-basics/README.md", "lesson");
        write("pom.xml", "<project/>");
        write(HandIn.ZIP, "an earlier hand-in");

        String report = HandIn.write(root);

        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(root.resolve(HandIn.ZIP).toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
            assertThat(new String(zip.getInputStream(zip.getEntry("module-02-join/src/main/java/workbook/join/JoinAll.java")).readAllBytes()))
                    .isEqualTo("class JoinAll {}");
        }
        assertThat(entries).containsExactly("module-01-basics/src/main/java/workbook/basics/Helper.java",
                "module-01-basics/src/main/java/workbook/basics/Launcher.java", "module-02-join/src/main/java/workbook/join/JoinAll.java");
        assertThat(report).contains("Wrote submission.zip: 3 files from module-*/src/main/java")
                .contains("module-01-basics       2 files, such as workbook/basics/Helper.java")
                .contains("module-02-join         1 file, such as workbook/join/JoinAll.java")
                .contains("Left out: 4 files").contains("module-01-basics/README.md").contains("pom.xml")
                .doesNotContain("target/").doesNotContain(".part");
        assertThat(root.resolve(HandIn.ZIP + ".part")).doesNotExist();
    }

    @Test
    void onlyJavaFilesUnderAModulesMainSourcesAreGraded() {
        assertThat(HandIn.graded("module-03-daemon/src/main/java/workbook/daemon/Orphans.java")).isTrue();
        assertThat(HandIn.graded("module-03-daemon/src/test/java/workbook/daemon/OrphansTest.java")).isFalse();
        assertThat(HandIn.graded("module-03-daemon/src/main/java/module-info.java")).isFalse();
        assertThat(HandIn.graded("process-kit/test-support/src/main/java/workbook/testsupport/HandIn.java")).isFalse();
        assertThat(HandIn.graded("module-03-daemon/src/main/resources/config.java.txt")).isFalse();
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
