package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.TreeBuilder;
import workbook.testsupport.Exercise;

@Exercise("1.8")
class ProcessTreeHiddenTest {

    private Process root;

    @AfterEach
    void endTree() throws Exception {
        if (root != null) {
            Children.release(root, Duration.ofSeconds(15));
        }
    }

    @Test
    void aDeeperTreeIsListedDepthFirstInPidOrder(@TempDir Path dir) throws Exception {
        int width = 1 + new Random().nextInt(3);
        root = Children.start(Children.java(TreeBuilder.class, Integer.toString(width), "2"), dir);
        Children.awaitTree(root, 2 * width, Duration.ofSeconds(45));

        List<TreeLine> tree = ProcessTree.of(root.toHandle());

        List<TreeLine> expected = new ArrayList<>();
        expected.add(new TreeLine(root.pid(), ProcessHandle.current().pid(), 0, tree.get(0).command()));
        root.children().sorted(Comparator.comparingLong(ProcessHandle::pid)).forEach(child -> {
            expected.add(new TreeLine(child.pid(), root.pid(), 1, child.info().command().orElse("?")));
            child.children().forEach(grandchild ->
                    expected.add(new TreeLine(grandchild.pid(), child.pid(), 2, grandchild.info().command().orElse("?"))));
        });
        assertThat(tree).as("the listing of a tree of width " + width + " and depth 2").containsExactlyElementsOf(expected);
        assertThat(ProcessTree.render(tree).lines().toList())
                .as("rendered")
                .hasSize(expected.size())
                .first().isEqualTo(root.pid() + " " + tree.get(0).command());
        assertThat(ProcessTree.render(tree)).contains("\n    ").endsWith("\n");
    }

    @Test
    void aProcessWithoutChildrenIsAOneLineTree() {
        ProcessHandle self = ProcessHandle.current();
        List<TreeLine> tree = ProcessTree.of(self);
        assertThat(tree.get(0)).isEqualTo(new TreeLine(self.pid(), self.parent().orElseThrow().pid(), 0,
                self.info().command().orElse("?")));
        assertThat(ProcessTree.render(List.of())).isEmpty();
        assertThatThrownBy(() -> ProcessTree.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRootWhoseParentIsUnknownHasParentPidMinusOneAndAnUnknownCommandIsAQuestionMark() {
        ScriptedHandle root = ScriptedHandle.silent(4_000_000 + new Random().nextInt(100_000));

        assertThat(ProcessTree.of(root))
                .as("the listing of a process without children whose parent and command the operating system does not tell")
                .containsExactly(new TreeLine(root.pid(), -1, 0, "?"));
    }

    @Test
    void childrenComeDepthFirstInNumericPidOrderWhateverOrderTheSystemListsThemIn() {
        // The system lists the children as 1000, 99, 100: sorted as numbers they are 99, 100, 1000 (as text, 100
        // would come before 99).
        ScriptedHandle root = new ScriptedHandle(50, ScriptedHandle.silent(1), "/bin/root");
        ScriptedHandle a = root.child(1000, "/bin/a");
        ScriptedHandle b = root.child(99, "/bin/b");
        root.child(100, "/bin/c");
        a.child(5, "/bin/a-child");
        b.child(7, "/bin/b-child");

        assertThat(ProcessTree.of(root))
                .as("the listing of a tree whose children the system lists out of order: depth first (a process right"
                        + " after its parent), the children of one parent in ascending numeric pid order")
                .containsExactly(
                        new TreeLine(50, 1, 0, "/bin/root"),
                        new TreeLine(99, 50, 1, "/bin/b"),
                        new TreeLine(7, 99, 2, "/bin/b-child"),
                        new TreeLine(100, 50, 1, "/bin/c"),
                        new TreeLine(1000, 50, 1, "/bin/a"),
                        new TreeLine(5, 1000, 2, "/bin/a-child"));
    }
}
