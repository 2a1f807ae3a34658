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
            assertThat(entry.file()).as("the file of worker %d", entry.index())
                    .isEqualTo(dir.resolve(FileMaker.fileName(entry.index())));
            assertThat(Files.readString(entry.file())).as("what worker %d wrote", entry.index())
                    .isEqualTo(FileMaker.contentFor(entry.index(), entry.pid()));
            assertThat(entry.pid()).as("worker %d's file was written by the test JVM itself, not by a child process",
                    entry.index()).isNotEqualTo(ProcessHandle.current().pid());
        }
        assertThat(created).extracting(CreatedFile::pid).as("each file written by a different process").doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).as("files in the folder").isEqualTo(count);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> OwnFiles.createEach(dir, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> OwnFiles.createEach(dir.resolve("missing"), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> OwnFiles.createEach(null, 2)).isInstanceOf(NullPointerException.class);
    }
}
