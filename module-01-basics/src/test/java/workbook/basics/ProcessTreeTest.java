package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.TreeBuilder;
import workbook.testsupport.Exercise;

@Exercise("1.8")
class ProcessTreeTest {

    private Process root;

    @AfterEach
    void endTree() throws Exception {
        if (root != null) {
            Children.release(root, Duration.ofSeconds(10));
        }
    }

    @Test
    void listsAChildAndItsTwoChildren(@TempDir Path dir) throws Exception {
        root = Children.start(Children.java(TreeBuilder.class, "2", "1"), dir);
        Children.awaitTree(root, 2, Duration.ofSeconds(40));
        List<Long> grandchildren = root.children().map(ProcessHandle::pid).sorted().toList();

        List<TreeLine> tree = ProcessTree.of(root.toHandle());

        assertThat(tree).extracting(TreeLine::pid).containsExactly(root.pid(), grandchildren.get(0), grandchildren.get(1));
        assertThat(tree).extracting(TreeLine::depth).containsExactly(0, 1, 1);
        assertThat(tree).extracting(TreeLine::parentPid)
                .containsExactly(ProcessHandle.current().pid(), root.pid(), root.pid());
        assertThat(tree).allSatisfy(line -> assertThat(line.command()).endsWith("java"));
    }

    @Test
    void rendersOneIndentedLinePerProcess() {
        List<TreeLine> tree = List.of(
                new TreeLine(10, 1, 0, "/bin/sh"),
                new TreeLine(11, 10, 1, "/usr/bin/java"),
                new TreeLine(12, 11, 2, "/bin/sleep"));

        assertThat(ProcessTree.render(tree)).isEqualTo("10 /bin/sh\n  11 /usr/bin/java\n    12 /bin/sleep\n");
    }
}
