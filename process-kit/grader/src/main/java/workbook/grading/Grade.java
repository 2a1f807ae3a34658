package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The command behind {@code bin/grade}: grades one submission, or a folder of them.
 *
 * <pre>
 * bin/grade [options] SUBMISSION_DIR OUT_DIR
 * bin/grade [options] --class SUBMISSIONS_DIR OUT_DIR
 *
 *   --modules m1,m2      grade only these modules (default: every module with exercises; env GRADE_MODULES)
 *   --time-limit SECONDS time for one submission's tests (default 900; env GRADE_TIME_LIMIT)
 *   --jobs N             submissions graded at once with --class (default: the number of cores; env GRADE_JOBS)
 *   --baseline FILE      reuse the pristine edition's test list from FILE, or compute and save it there
 *   --sandbox MODE       auto (default: bubblewrap where it works, else a warning), bwrap (required) or none;
 *                        env GRADE_SANDBOX
 *   --shard I/N          with --class: grade only the I-th of N shares of the class ({@link Shard}), so that N
 *                        machines grade it together; bin/gradebook merge joins their outputs
 * </pre>
 *
 * <p>With {@code --class}, every entry of the folder gets a row in {@code gradebook.csv}: each folder is
 * graded as one submission; a file, a symbolic link or a hidden folder gets a row of zeros with a remark
 * saying why it was not graded; a submission the grader fails on gets its row and the reason, and the
 * others are graded all the same. Next to it go {@code report.html} ({@link ClassReport}) and
 * {@code class-results.tsv} ({@link ClassResults}), which {@code bin/gradebook merge} reads.
 *
 * <p>Exit status 0 when grading completed, whatever the scores; 1 when grading itself failed (the
 * instructor edition does not build, say); 2 for a usage error. Reports are written only after every
 * submission's run has ended and its processes are gone, so no student code can still change them.
 */
public final class Grade {

    private Grade() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bin/grade: " + e.getMessage());
            System.err.println("usage: bin/grade [--modules m1,m2] [--time-limit SECONDS] [--baseline FILE] SUBMISSION_DIR OUT_DIR");
            System.err.println("       bin/grade [options] [--jobs N] [--shard I/N] --class SUBMISSIONS_DIR OUT_DIR");
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bin/grade: grading failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] argv) throws Exception {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        Path edition = Path.of(option(args, "--edition", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        String modulesOption = option(args, "--modules", System.getenv().getOrDefault("GRADE_MODULES", ""));
        long limit = number(option(args, "--time-limit", System.getenv().getOrDefault("GRADE_TIME_LIMIT", "900")), "--time-limit");
        int jobs = (int) number(option(args, "--jobs", System.getenv().getOrDefault("GRADE_JOBS",
                Integer.toString(Runtime.getRuntime().availableProcessors()))), "--jobs");
        String baselineFile = option(args, "--baseline", "");
        Sandbox sandbox = Sandbox.choose(option(args, "--sandbox", System.getenv().getOrDefault("GRADE_SANDBOX", "auto")));
        if (!sandbox.warning().isEmpty()) {
            System.err.println("bin/grade: WARNING: grading without a sandbox: " + sandbox.warning());
        }
        String shardOption = option(args, "--shard", "");
        boolean wholeClass = args.remove("--class");
        if (!shardOption.isEmpty() && !wholeClass) {
            throw new IllegalArgumentException("--shard needs --class");
        }
        Shard shard = shardOption.isEmpty() ? Shard.ALL : Shard.parse(shardOption);
        if (args.size() != 2 || args.get(0).startsWith("-") || args.get(1).startsWith("-")) {
            throw new IllegalArgumentException("expected a submission folder and an output folder, got " + args);
        }
        Path input = Path.of(args.get(0)).toAbsolutePath().normalize();
        Path out = Path.of(args.get(1)).toAbsolutePath().normalize();
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException(input + " is not a folder");
        }
        if (out.startsWith(input)) {
            throw new IllegalArgumentException("the output folder must not be inside the submission folder (" + out + ")");
        }
        Edition pristine = new Edition(edition);
        if (!Files.isRegularFile(edition.resolve("pom.xml")) || pristine.modules().isEmpty()) {
            throw new IllegalStateException(edition + " is not the instructor edition (no pom.xml and module-* folders)");
        }
        List<String> modules = modulesOption.isBlank() ? pristine.modules() : List.of(modulesOption.split(","));
        for (String m : modules) {
            if (!pristine.modules().contains(m)) {
                throw new IllegalArgumentException("no module '" + m + "' in " + edition + "; modules are " + pristine.modules());
            }
        }

        Path work = Files.createTempDirectory("workbook-grading-");
        try {
            long start = System.nanoTime();
            Baseline baseline = baseline(pristine, modules, work, baselineFile).only(modulesOption.isBlank() ? List.of() : modules);
            System.out.printf("baseline: %d module(s), %d tests (%d s)%n", baseline.modules().size(),
                    baseline.modules().values().stream().mapToInt(m -> m.tests().size()).sum(),
                    Duration.ofNanos(System.nanoTime() - start).toSeconds());
            if (!wholeClass) {
                Grader grader = grader(pristine, baseline, limit, sandbox, 1);
                SubmissionResult result = grader.grade(input.getFileName().toString(), input, work.resolve("submission"));
                publish(result, work.resolve("submission"), out);
                System.out.printf("%s: %d of %d points in %d s -> %s%n", result.name(), result.pointsEarned(),
                        result.pointsPossible(), result.elapsed().toSeconds(), out.resolve("summary.md"));
                return 0;
            }
            List<Path> classEntries;
            try (Stream<Path> children = Files.list(input)) {
                classEntries = children.sorted().toList();
            }
            List<Integer> positions = shard.positions(classEntries.size());
            List<Path> entries = positions.stream().map(classEntries::get).toList();
            if (shard.count() > 1) {
                System.out.printf("shard %s: %d of the class's %d entries%n", shard, entries.size(), classEntries.size());
            }
            Grader grader = grader(pristine, baseline, limit, sandbox, Math.min(jobs, entries.size()));
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Path entry = entries.get(i);
                String name = entry.getFileName().toString();
                Path folder = work.resolve("s-" + i); // by number: a name need not be valid in this locale
                String skip = whyNotGraded(entry);
                futures.add(pool.submit(() -> {
                    SubmissionResult r;
                    if (!skip.isEmpty()) {
                        r = SubmissionResult.notGraded(name, baseline, skip, sandbox.level());
                    } else {
                        try {
                            r = grader.grade(name, entry, folder);
                        } catch (Exception | Error e) { // even an error of the grader costs only this submission
                            r = SubmissionResult.notGraded(name, baseline, "the grader failed on it (" + e
                                    + "); the other submissions were graded", sandbox.level());
                        }
                    }
                    System.out.printf("%s: %d of %d points in %d s%s%n", name, r.pointsEarned(), r.pointsPossible(),
                            r.elapsed().toSeconds(), r.failure().isEmpty() ? "" : " (not graded: " + r.failure() + ")");
                    return r;
                }));
            }
            pool.shutdown();
            List<SubmissionResult> results = new ArrayList<>();
            for (Future<SubmissionResult> f : futures) {
                results.add(f.get());
            }
            for (int i = 0; i < results.size(); i++) {
                SubmissionResult r = results.get(i);
                if (r.failure().isEmpty()) {
                    publish(r, work.resolve("s-" + i), out.resolve(entries.get(i).getFileName()));
                }
            }
            ClassResults.of(shard, classEntries.size(), positions, results).publish(out);
            System.out.printf("gradebook: %s, report: %s (%d s)%n", out.resolve("gradebook.csv"), out.resolve("report.html"),
                    Duration.ofNanos(System.nanoTime() - start).toSeconds());
            return 0;
        } finally {
            if (System.getenv("GRADE_KEEP_WORK") == null) {
                try {
                    Edition.deleteTree(work);
                } catch (RuntimeException e) {
                    System.err.println("bin/grade: WARNING: " + e.getMessage()); // never hides why grading stopped
                }
            } else {
                System.out.println("grading copies kept in " + work);
            }
        }
    }

    /**
     * A grader whose test runs share this machine's test JVMs with the other submissions graded at once
     * ({@code atOnce}: {@code --jobs}, or fewer when there are fewer submissions to grade).
     */
    private static Grader grader(Edition pristine, Baseline baseline, long limitSeconds, Sandbox sandbox, int atOnce) {
        return new Grader(pristine, baseline, Duration.ofSeconds(limitSeconds), sandbox,
                Grader.testJvms(Runtime.getRuntime().availableProcessors(), atOnce));
    }

    /** @return why a class folder's entry is not graded as a submission, or empty if it is a folder to grade */
    static String whyNotGraded(Path entry) {
        if (Files.isSymbolicLink(entry)) {
            return "a symbolic link, not a submission's own folder";
        }
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return "not a folder (unpack an archive into a folder of its own to grade it)";
        }
        if (entry.getFileName().toString().startsWith(".")) {
            return "a hidden folder (its name starts with '.')";
        }
        return "";
    }

    private static Baseline baseline(Edition edition, List<String> modules, Path work, String file) throws Exception {
        if (!file.isBlank() && Files.isRegularFile(Path.of(file))) {
            return Baseline.load(Path.of(file));
        }
        Baseline computed = Baseline.compute(edition, modules, work.resolve("baseline"));
        if (!file.isBlank()) {
            computed.save(Path.of(file));
        }
        return computed;
    }

    /** Writes one submission's reports, replacing whatever is in {@code out} under the same names. */
    private static void publish(SubmissionResult result, Path work, Path out) throws IOException {
        Files.createDirectories(out);
        for (String name : new String[] {"junit", "logs"}) {
            Edition.deleteTree(out.resolve(name));
        }
        Reports.write(result, out);
        if (Files.isDirectory(work.resolve("junit"))) {
            Files.move(work.resolve("junit"), out.resolve("junit"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(out.resolve("logs"));
        try (Stream<Path> logs = Files.list(work)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, out.resolve("logs").resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }

    private static long number(String value, String name) {
        try {
            long n = Long.parseLong(value.strip());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'");
        }
    }
}
