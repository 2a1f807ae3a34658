package workbook.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Notices a submission that changes the grader's files while its code runs.
 *
 * <p>Between compiling and testing, every file of the grading copy is fingerprinted (sources, POMs,
 * the kit, compiled tests and classes), except the folders the test run legitimately writes: the
 * results files, Surefire's reports and its temporary files. After the run the fingerprints are taken
 * again: a changed, added or deleted file means that student code tampered with the grading, and the
 * submission's results cannot be trusted. Code that changes a file and restores it before the run
 * ends is not noticed; the README lists that among what the grader does not protect against.
 */
final class Tripwire {

    private static final Set<String> RUN_OUTPUT = Set.of("workbook-results", "surefire-reports", "surefire", "tmp");

    private final Path root;
    private final Map<String, String> before;

    private Tripwire(Path root, Map<String, String> before) {
        this.root = root;
        this.before = before;
    }

    /** Fingerprints the grading copy now. */
    static Tripwire arm(Path gradingCopy) throws IOException {
        return new Tripwire(gradingCopy, fingerprints(gradingCopy));
    }

    /** @return the files that changed since {@link #arm}, at most {@code limit} of them */
    List<String> changes(int limit) throws IOException {
        Map<String, String> after = fingerprints(root);
        List<String> changed = new ArrayList<>();
        for (var e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (now == null) {
                changed.add("deleted " + e.getKey());
            } else if (!now.equals(e.getValue())) {
                changed.add("changed " + e.getKey());
            }
        }
        for (String path : after.keySet()) {
            if (!before.containsKey(path)) {
                changed.add("added " + path);
            }
        }
        return changed.size() > limit ? changed.subList(0, limit) : changed;
    }

    private static Map<String, String> fingerprints(Path root) throws IOException {
        Map<String, String> prints = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path parent = dir.getParent();
                boolean runOutput = parent != null && parent.getFileName() != null
                        && parent.getFileName().toString().equals("target")
                        && RUN_OUTPUT.contains(dir.getFileName().toString());
                return runOutput ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                prints.put(root.relativize(file).toString(), attrs.isRegularFile() ? digest(file) : "not a regular file");
                return FileVisitResult.CONTINUE;
            }
        });
        return prints;
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
