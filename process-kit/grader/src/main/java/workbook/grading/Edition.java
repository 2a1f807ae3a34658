package workbook.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pristine instructor edition that every submission is graded in: a fresh copy of the build
 * (parent POM, Maven wrapper, kit, every module with its visible and hidden tests), without
 * {@code solutions/}, without build output and without the instructor's tools and fixtures.
 *
 * @param root the instructor edition's folder
 */
record Edition(Path root) {

    /**
     * Copies the edition to {@code target}, which must not exist yet.
     *
     * @return the copy's folder
     */
    Path copyTo(Path target) throws IOException {
        return copyTo(target, true);
    }

    /**
     * Copies the edition to {@code target}, which must not exist yet, with or without the hidden tests.
     * The copy without them is where the visible tests run whose messages a student reads: no hidden
     * test is on its disk for student code to find and carry into those messages.
     *
     * @return the copy's folder
     */
    Path copyTo(Path target, boolean withHiddenTests) throws IOException {
        Files.createDirectories(target);
        for (Path relative : files()) {
            if (!withHiddenTests && relative.getNameCount() > 2 && relative.getName(0).toString().startsWith("module-")
                    && relative.getName(1).toString().equals("src") && relative.getName(2).toString().equals("hidden")) {
                continue;
            }
            Path to = target.resolve(relative.toString());
            Files.createDirectories(to.getParent());
            Files.copy(root.resolve(relative), to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return target;
    }

    /** @return the module folders ({@code module-*}), sorted */
    List<String> modules() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("module-")).sorted().toList();
        }
    }

    /** @return the edition's build files, relative to the root: what a grading run needs and nothing else */
    List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String top : new String[] {"pom.xml", "mvnw", "mvnw.cmd"}) {
            if (Files.isRegularFile(root.resolve(top))) {
                files.add(Path.of(top));
            }
        }
        collect(root.resolve(".mvn"), files);
        collect(root.resolve("process-kit"), files);
        for (String module : modules()) {
            collect(root.resolve(module), files);
        }
        return files;
    }

    private void collect(Path folder, List<Path> into) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                boolean grader = dir.equals(root.resolve("process-kit/grader")); // the grading copy needs no grader
                return name.equals("target") || name.equals(".git") || grader ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    into.add(root.relativize(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a folder tree; used for the grading copies. */
    static void deleteTree(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the grading copy " + folder + "; delete it by hand", e);
        }
    }
}
