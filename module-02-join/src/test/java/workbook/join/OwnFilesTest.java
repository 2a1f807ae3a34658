package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("2.6")
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class OwnFilesTest {

    @TempDir
    Path dir;

    @Test
    void eachChildCreatesItsOwnFileAndTheParentChecksThem() throws Exception {
        List<CreatedFile> created = OwnFiles.createEach(dir, 5);

        checkCreated(dir, created, 5);
    }

    static void checkCreated(Path dir, List<CreatedFile> created, int count) throws Exception {
        assertThat(created).extracting(CreatedFile::index).as("one entry per worker, in index order")
                .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(count).toList());
        for (CreatedFile entry : created) {
            assertThat(entry.file())
                    .as("the entry of worker %d names the file that worker wrote in the folder", entry.index())
                    .isEqualTo(dir.resolve(FileMaker.fileName(entry.index())));
            assertThat(Files.readString(entry.file()))
                    .as("each file holds exactly the content for its index and its pid (worker %d)", entry.index())
                    .isEqualTo(FileMaker.contentFor(entry.index(), entry.pid()));
            assertThat(entry.pid()).as("worker %d's file was written by the test JVM itself, not by a child process",
                    entry.index()).isNotEqualTo(ProcessHandle.current().pid());
        }
        assertThat(created)
                .extracting(CreatedFile::pid)
                .as("the files are written by the child processes, each by a different one")
                .doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count())
                    .as("runs count children, each writing its own file, and nothing else in the folder")
                    .isEqualTo(count);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> OwnFiles.createEach(dir, 0), "a count below 1 is an IllegalArgumentException that names it")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> OwnFiles.createEach(dir.resolve("missing"), 2),
                "a folder that is not a folder is an IllegalArgumentException that names it")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> OwnFiles.createEach(null, 2), "a null folder is a NullPointerException")
                .isInstanceOf(NullPointerException.class);
    }
}
