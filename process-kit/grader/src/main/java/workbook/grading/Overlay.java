package workbook.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a submission's Java sources over the skeleton in a grading copy, and nothing else.
 *
 * <p>Only regular {@code .java} files under {@code <module>/src/main/java} are taken, and only in the
 * packages the skeleton already has: a file in another package could shadow a class of the kit or of
 * JUnit (the module's classes come first on the test class path) and make failing tests pass. Tests,
 * POMs, the kit, resources and symbolic links of a submission are never used: a module folder reached
 * through a link (to a classmate's work, to {@code solutions/}) is not graded at all.
 */
final class Overlay {

    /** Larger source files are not student code; they are left out. */
    static final long MAX_FILE_BYTES = 512 * 1024;

    private Overlay() {
    }

    /**
     * Finds the folder of a submission that holds its modules: the submission itself, or a single folder
     * inside it (an upload that was zipped with its top folder).
     */
    static Optional<Path> submissionRoot(Path submission) throws IOException {
        if (hasModules(submission)) {
            return Optional.of(submission);
        }
        try (var children = Files.list(submission)) {
            List<Path> candidates = children.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(Overlay::hasModules).toList();
            return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
    }

    private static boolean isLink(Path path) {
        return Files.isSymbolicLink(path);
    }

    private static boolean hasModules(Path folder) {
        try (var children = Files.list(folder)) {
            return children.anyMatch(c -> c.getFileName().toString().startsWith("module-")
                    && Files.isDirectory(c.resolve("src/main/java")));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Copies the submission's sources of {@code module} into the grading copy.
     *
     * @return notes for the report: the files that were left out, and why
     */
    static List<String> apply(Path submissionRoot, Path gradingCopy, String module) throws IOException {
        List<String> notes = new ArrayList<>();
        Path from = submissionRoot.resolve(module).resolve("src/main/java");
        Path to = gradingCopy.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(from)) {
            notes.add(module + ": the submission has no src/main/java; the skeleton is graded");
            return notes;
        }
        // A link anywhere on the way (module-01-basics -> a classmate's folder, src -> solutions/) would
        // bring in work that is not the submission's: the real folder must lie inside the real submission.
        if (!from.toRealPath().startsWith(submissionRoot.toRealPath()) || isLink(submissionRoot.resolve(module))
                || isLink(submissionRoot.resolve(module).resolve("src")) || isLink(from)) {
            notes.add(module + ": ignored (its src/main/java is reached through a symbolic link; only the submission's"
                    + " own files are graded); the skeleton is graded");
            return notes;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(file);
                String shown = module + "/src/main/java/" + relative;
                if (!file.getFileName().toString().endsWith(".java")) {
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    notes.add(shown + ": ignored (not a regular file)");
                } else if (file.getFileName().toString().equals("module-info.java")) {
                    notes.add(shown + ": ignored (the workbook is not a Java module)");
                } else if (attrs.size() > MAX_FILE_BYTES) {
                    notes.add(shown + ": ignored (larger than " + MAX_FILE_BYTES / 1024 + " KB)");
                } else if (relative.getParent() == null || !Files.isDirectory(to.resolve(relative.getParent()))) {
                    notes.add(shown + ": ignored (only the packages of the skeleton are graded; put your classes there)");
                } else {
                    // Path objects, not strings: a name that is not valid in the grader's locale still copies.
                    Files.copy(file, to.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return notes;
    }
}
