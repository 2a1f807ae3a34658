package workbook.basics.children;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import workbook.process.JavaCommand;

/**
 * A child that grows a tree below itself: {@code TreeBuilder <width> <depth>} starts {@code width}
 * children; at depth 1 they are {@link Sleeper}s, deeper they are {@code TreeBuilder <1> <depth-1>}.
 * Everything ends when the root's standard input closes: each level holds its children's stdin pipes,
 * so the end-of-file travels down the tree.
 */
public final class TreeBuilder {
    public static void main(String[] args) throws IOException {
        int width = Integer.parseInt(args[0]);
        int depth = Integer.parseInt(args[1]);
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            List<String> command = depth <= 1
                    ? JavaCommand.forClass(Sleeper.class)
                    : JavaCommand.forClass(TreeBuilder.class, "1", Integer.toString(depth - 1));
            children.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        while (System.in.read() != -1) {
            // Wait for our parent to let go.
        }
    }
}
