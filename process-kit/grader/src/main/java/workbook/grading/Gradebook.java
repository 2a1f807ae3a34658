package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command behind {@code bin/gradebook}: joins the outputs of the shards of a class into one.
 *
 * <pre>
 * bin/gradebook merge OUT_1 ... OUT_N OUT
 * </pre>
 *
 * <p>Each {@code OUT_i} is what {@code bin/grade --class DIR OUT_i --shard i/N} wrote. {@code OUT} gets
 * {@code gradebook.csv}, {@code report.html} and {@code class-results.tsv} written from the shards'
 * records by the code one run uses ({@link ClassResults}), so they are byte for byte what one run over
 * the whole class writes, and a copy of each graded submission's folder. It refuses shards that are
 * missing, given twice or from another class, and an {@code OUT} that already holds a gradebook.
 *
 * <p>Exit status 0 when merged, 1 when the shards do not make a class, 2 for a usage error.
 */
public final class Gradebook {

    private Gradebook() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bin/gradebook: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("bin/gradebook: merging failed: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args) throws IOException {
        if (args.length < 3 || !args[0].equals("merge")) {
            System.err.println("usage: bin/gradebook merge OUT_1 ... OUT_N OUT");
            return 2;
        }
        List<Path> shards = Arrays.stream(args, 1, args.length - 1).map(a -> Path.of(a).toAbsolutePath().normalize()).toList();
        Path out = Path.of(args[args.length - 1]).toAbsolutePath().normalize();
        ClassResults merged = merge(shards, out);
        System.out.printf("merged %d shard(s), %d submissions: %s, %s%n", shards.size(), merged.records().size(),
                out.resolve("gradebook.csv"), out.resolve("report.html"));
        return 0;
    }

    /** Merges the shard outputs into {@code out}: the reports, then each graded submission's folder. */
    static ClassResults merge(List<Path> shardOutputs, Path out) throws IOException {
        if (Files.exists(out.resolve("gradebook.csv"))) {
            throw new IllegalArgumentException(out + " already holds a gradebook; give a new folder");
        }
        List<ClassResults> shards = new ArrayList<>();
        for (Path shard : shardOutputs) {
            if (shard.equals(out)) {
                throw new IllegalArgumentException("the output folder must not be one of the shards");
            }
            shards.add(ClassResults.read(shard));
        }
        ClassResults merged = ClassResults.merge(shards);
        Files.createDirectories(out);
        for (int i = 0; i < shards.size(); i++) {
            for (ClassRecord r : shards.get(i).records()) {
                Path folder = shardOutputs.get(i).resolve(r.submission());
                if (r.notGraded().isEmpty() && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    copyTree(folder, out.resolve(r.submission()));
                }
            }
        }
        merged.publish(out);
        return merged;
    }

    /** Copies a folder; links are copied as links, never followed. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
