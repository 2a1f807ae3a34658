package workbook.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a student's work for courses that collect uploads (Gradescope): {@value #ZIP} in the workbook's top
 * folder, holding exactly the files the grader reads, the regular {@code .java} files under
 * {@code module-*}{@code /src/main/java}, at their paths in the workbook. It prints what it put in and what
 * it left out, so that nobody uploads a test or a build file and believes it counts.
 *
 * <p>Run by {@code ./mvnw -q -Phand-in} (the {@code hand-in} profile of the parent POM). It uses the JDK
 * alone, so that the profile can run this source file directly with Java's source launcher, in the top
 * folder only, without building or resolving anything.
 */
public final class HandIn {

    /** The file written in the workbook's top folder. */
    public static final String ZIP = "submission.zip";

    private HandIn() {
    }

    /**
     * @param args the workbook's top folder
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HandIn WORKBOOK_DIR (the hand-in profile of the parent POM passes it)");
        }
        try {
            System.out.print(write(Path.of(args[0]).toAbsolutePath().normalize()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ZIP + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@value #ZIP} in {@code root}, replacing any earlier one.
     *
     * @param root the workbook's top folder
     * @return the report: what it holds, per module, and what was left out
     */
    static String write(Path root) throws IOException {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(f)).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (isBuildOutput(relative)) {
                    continue;
                }
                (graded(relative) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? in : out).add(relative);
            }
        }
        Path zip = root.resolve(ZIP);
        Path partial = root.resolve(ZIP + ".part");
        try (OutputStream stream = Files.newOutputStream(partial); ZipOutputStream entries = new ZipOutputStream(stream)) {
            for (String relative : in) {
                entries.putNextEntry(new ZipEntry(relative));
                Files.copy(root.resolve(relative), entries);
                entries.closeEntry();
            }
        }
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING);
        return report(in, out);
    }

    /** @return whether the grader reads the file: a {@code .java} file under a module's {@code src/main/java} */
    static boolean graded(String relative) {
        return relative.matches("module-[^/]+/src/main/java/.+\\.java") && !relative.endsWith("/module-info.java");
    }

    /** @return whether the file is the build's output, version control's or an earlier hand-in: never part of the work */
    private static boolean isBuildOutput(String relative) {
        return relative.equals(ZIP) || relative.equals(ZIP + ".part") || relative.startsWith(".git/") || relative.contains("/target/")
                || relative.startsWith("target/") || relative.startsWith(".mvn/wrapper/maven-wrapper.jar");
    }

    private static String report(List<String> in, List<String> out) {
        StringBuilder text = new StringBuilder();
        String nl = System.lineSeparator();
        text.append("Wrote ").append(ZIP).append(": ").append(files(in.size()))
                .append(" from module-*/src/main/java, the files the grader reads:").append(nl);
        Map<String, List<String>> byModule = new TreeMap<>();
        in.forEach(f -> byModule.computeIfAbsent(f.substring(0, f.indexOf('/')), m -> new ArrayList<>()).add(f));
        byModule.forEach((module, files) -> text.append(String.format(Locale.ROOT, "  %-22s %s, such as %s", module, files(files.size()),
                files.get(0).substring(module.length() + "/src/main/java/".length()))).append(nl));
        if (in.isEmpty()) {
            text.append("  (none: run this in the workbook's top folder, the one with the module-* folders)").append(nl);
        }
        text.append("Left out: ").append(files(out.size()))
                .append(" (tests, lessons, build files: the grader uses its own copies of them), such as:").append(nl);
        // One example of each kind a student might expect to count: a test, a lesson, a build file, anything else.
        List<java.util.function.Predicate<String>> kinds = List.of(f -> f.contains("/src/test/"), f -> f.endsWith("README.md"),
                f -> f.endsWith("pom.xml"), f -> !f.contains("/src/test/") && !f.endsWith("README.md") && !f.endsWith("pom.xml"));
        kinds.forEach(kind -> out.stream().filter(kind).findFirst().ifPresent(f -> text.append("  ").append(f).append(nl)));
        text.append("Upload ").append(ZIP).append(" as it is (Gradescope: Upload, then drag it in); do not unpack it.").append(nl);
        return text.toString();
    }

    private static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }
}
