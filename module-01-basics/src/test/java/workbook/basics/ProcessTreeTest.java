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

        assertThat(tree).extracting(TreeLine::pid)
                .as("of(root) lists the root, then its children in ascending pid order")
                .containsExactly(root.pid(), grandchildren.get(0), grandchildren.get(1));
        assertThat(tree).extracting(TreeLine::depth)
                .as("each line has its depth: 0 for the root, 1 for its children")
                .containsExactly(0, 1, 1);
        assertThat(tree).extracting(TreeLine::parentPid)
                .as("each line has its parent's pid: the root's is its real parent's (the test JVM)")
                .containsExactly(ProcessHandle.current().pid(), root.pid(), root.pid());
        assertThat(tree)
                .as("each line has its process's command, here a java launcher")
                .allSatisfy(line -> assertThat(line.command()).as("the command of %d", line.pid()).endsWith("java"));
    }

    @Test
    void rendersOneIndentedLinePerProcess() {
        List<TreeLine> tree = List.of(
                new TreeLine(10, 1, 0, "/bin/sh"),
                new TreeLine(11, 10, 1, "/usr/bin/java"),
                new TreeLine(12, 11, 2, "/bin/sleep"));

        assertThat(ProcessTree.render(tree))
                .as("render() prints one line \"<indent><pid> <command>\" per process, two spaces per level, each ending with '\\n'")
                .isEqualTo("10 /bin/sh\n  11 /usr/bin/java\n    12 /bin/sleep\n");
    }
}
