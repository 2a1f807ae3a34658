package workbook.testsupport.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.testsupport.ModuleScore;
import workbook.testsupport.TestRecord;

/**
 * Grades one submission: overlays its sources on a fresh copy of the instructor edition, compiles,
 * runs every visible and hidden test under a time limit, ends every process the run left behind, and
 * scores the results against the {@link Baseline}.
 *
 * <p>The steps, and why:
 * <ol>
 *   <li>Copy the pristine edition; put only the student's {@code src/main/java} files over it ({@link Overlay}).</li>
 *   <li>Compile everything ({@code test-compile}). No student code runs yet; a module that does not
 *       compile scores zero with the compiler's message, and the others go on.</li>
 *   <li>Fingerprint the copy ({@link Tripwire}), then run the tests with Surefire alone, so nothing is
 *       compiled again once student code has run.</li>
 *   <li>If a test JVM died (a {@code System.exit}, a crash), run the classes without results again,
 *       each in a JVM of its own, so one exercise's crash does not cost the others their points.</li>
 *   <li>Kill every process that carries the run's mark ({@link MarkedProcesses}), orphans included.</li>
 *   <li>Check the fingerprints, read the results of the expected tests only ({@link RunEvidence}).</li>
 * </ol>
 */
final class Grader {

    private static final String KIT_TESTS = "!workbook/process/**,!workbook/testsupport/**";
    private static final Pattern FAILED_PROJECT = Pattern.compile("^\\[ERROR\\] Failed to execute goal .* on project ([\\w.-]+):");

    private final Edition edition;
    private final Baseline baseline;
    private final Duration timeLimit;

    Grader(Edition edition, Baseline baseline, Duration timeLimit) {
        this.edition = edition;
        this.baseline = baseline;
        this.timeLimit = timeLimit;
    }

    /**
     * Maven's arguments for a test run of the given modules (and the kit they need, whose own tests are skipped).
     *
     * @param quietJvm the launcher for test JVMs that discards their native output, or null
     */
    static List<String> testArguments(boolean lifecycle, List<String> modules, List<String> onlyClasses, Path quietJvm) {
        List<String> args = new ArrayList<>();
        if (lifecycle) {
            args.addAll(List.of("-Pgrading", "test"));
        } else {
            args.add("org.apache.maven.plugins:maven-surefire-plugin:test");
        }
        args.add("-Dmaven.test.failure.ignore=true");
        args.add("-Dsurefire.enableOutErrElements=false");
        args.add("-Dworkbook.scoreboard.skip=true");
        args.add("-Dsurefire.printSummary=true");
        args.add("-Dmaven.test.redirectTestOutputToFile=true");
        if (quietJvm != null) {
            args.add("-Djvm=" + quietJvm);
        }
        if (onlyClasses.isEmpty()) {
            args.add("-Dtest=" + KIT_TESTS);
        } else {
            args.add("-Dtest=" + String.join(",", onlyClasses.stream().map(c -> c.replace('.', '/')).toList()));
            args.add("-DreuseForks=false");
        }
        args.addAll(List.of("-pl", String.join(",", modules), "-am"));
        return args;
    }

    /**
     * @param submission the student's checkout
     * @param work a folder of this grading's own (the copy and the build logs go there)
     */
    SubmissionResult grade(String name, Path submission, Path work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> modules = new ArrayList<>(baseline.modules().keySet());
        List<String> notes = new ArrayList<>();
        Path copy = edition.copyTo(work.resolve("edition"));
        Path root = Overlay.submissionRoot(submission).orElse(null);
        if (root == null) {
            notes.add("the submission has no module-*/src/main/java folder: nothing of it was graded (the skeleton was)");
        } else {
            for (String module : modules) {
                notes.addAll(Overlay.apply(root, copy, module));
            }
        }
        MarkedProcesses mark = MarkedProcesses.fresh();
        MavenRun compile;
        try {
            compile = MavenRun.run(copy, mark, Duration.ofMinutes(10), work.resolve("compile.log"),
                    List.of("-Pgrading", "test-compile", "-Dworkbook.scoreboard.skip=true", "-pl", String.join(",", modules), "-am"));
        } finally {
            mark.killAll(20);
        }
        String compileLog = compile.text();
        List<String> compiled = new ArrayList<>();
        List<String> failedToCompile = failedProjects(compileLog, modules);
        if (compile.timedOut()) {
            throw new IllegalStateException("compiling took longer than 10 minutes; see " + compile.log());
        }
        for (String module : modules) {
            if (!failedToCompile.contains(module)) {
                compiled.add(module);
            }
        }
        if (compile.exitCode() != 0 && failedToCompile.isEmpty()) {
            throw new IllegalStateException("the build failed before any module was tested (exit " + compile.exitCode()
                    + "); see " + compile.log());
        }

        Path quietJvm = quietJvm(copy);
        Tripwire tripwire = Tripwire.arm(copy);
        boolean timedOut = false;
        int leftovers = 0;
        ConsoleSummary console = new ConsoleSummary();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        if (!compiled.isEmpty()) {
            MavenRun tests = MavenRun.run(copy, mark, timeLimit, work.resolve("test.log"), testArguments(false, compiled, List.of(), quietJvm));
            timedOut = tests.timedOut();
            leftovers += mark.killAll(20);
            String log = tests.text();
            if (tests.exitCode() != 0 && !timedOut && !log.contains("Tests run:") && !log.contains("forked VM")
                    && !log.contains("forked process")) {
                throw new IllegalStateException("the test run failed before any test ran (exit " + tests.exitCode()
                        + "); see " + tests.log() + " (keep it with GRADE_KEEP_WORK=1)");
            }
            console.add(log);
            List<String> rerun = classesWithoutResults(copy, compiled, console);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (!rerun.isEmpty() && !timedOut && left.toSeconds() >= 30 && tripwire.changes(1).isEmpty()) {
                notes.add("a test JVM stopped early; " + rerun.size() + " test class(es) were run again, each in a JVM of its own");
                MavenRun again = MavenRun.run(copy, mark, left, work.resolve("test-rerun.log"),
                        testArguments(false, compiled, rerun, quietJvm));
                timedOut = again.timedOut();
                leftovers += mark.killAll(20);
                console.add(again.text());
            }
        }
        if (timedOut) {
            notes.add("the tests did not finish within the time limit of " + timeLimit.toSeconds()
                    + " s; tests without a result count as failed");
        }
        if (leftovers > 0) {
            notes.add(leftovers + " process(es) started during the tests were still running afterwards and were killed");
        }
        List<String> tampering = tripwire.changes(10);
        if (!tampering.isEmpty()) {
            notes.add("the submission's code changed files of the grader while the tests ran; the score is withheld (0). "
                    + "Ask your instructor.");
        }

        List<SubmissionResult.ModuleResult> results = new ArrayList<>();
        for (String module : modules) {
            Baseline.ModuleBaseline expected = baseline.modules().get(module);
            String compileError = compiled.contains(module) ? "" : compilerMessage(compileLog, module, copy);
            List<TestRecord> judged = new ArrayList<>();
            RunEvidence evidence = compiled.contains(module) ? RunEvidence.read(copy.resolve(module), console) : null;
            for (ExpectedTest test : expected.tests()) {
                judged.add(evidence == null
                        ? new TestRecord(test.exercise(), test.testClass(), test.method(), test.hidden(),
                                TestRecord.Status.FAILED, "the module does not compile")
                        : evidence.judge(test));
            }
            results.add(new SubmissionResult.ModuleResult(ModuleScore.of(expected.catalog(), judged), compileError));
        }
        copyJUnitReports(copy, compiled, work.resolve("junit"));
        long printed = printedBytes(copy, compiled) / (1024 * 1024);
        if (printed >= 10) {
            notes.add("the tests printed " + printed + " MB; it was kept out of the reports");
        }
        Edition.deleteTree(copy);
        return new SubmissionResult(name, results, notes, tampering, leftovers, timedOut, printed,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Writes the launcher Surefire uses for test JVMs: Java with the JVM's own standard output and error
     * sent nowhere. What tests print still reaches Surefire (through its channel, into files); what
     * student code writes straight to file descriptor 1 or 2, or a child that inherits them, would
     * otherwise appear verbatim in Maven's log, where it could imitate Surefire's summary lines.
     */
    static Path quietJvm(Path copy) throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        Path launcher = copy.resolve(".grading/bin/java"); // Surefire wants a path ending in bin/java
        Files.createDirectories(launcher.getParent());
        if (Files.isRegularFile(home.resolve("release"))) { // where Surefire reads the JDK's version
            Files.copy(home.resolve("release"), copy.resolve(".grading/release"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path java = home.resolve("bin").resolve("java");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java.toString().replace("'", "'\\''") + "' \"$@\" >/dev/null 2>&1\n");
        launcher.toFile().setExecutable(true);
        return launcher;
    }

    private List<String> classesWithoutResults(Path copy, List<String> compiled, ConsoleSummary console) {
        Set<String> classes = new LinkedHashSet<>();
        for (String module : compiled) {
            RunEvidence evidence = RunEvidence.read(copy.resolve(module), console);
            for (ExpectedTest test : baseline.modules().get(module).tests()) {
                if (evidence.judge(test).status() == TestRecord.Status.MISSING) {
                    classes.add(test.topLevelClass());
                }
            }
        }
        return new ArrayList<>(classes);
    }

    /** @return the modules Maven reports as failed ("... on project module-01-basics: Compilation failure") */
    static List<String> failedProjects(String log, List<String> modules) {
        List<String> failed = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = FAILED_PROJECT.matcher(line);
            if (m.find() && modules.contains(m.group(1)) && !failed.contains(m.group(1))) {
                failed.add(m.group(1));
            }
        }
        return failed;
    }

    /**
     * @return the compiler's errors for one module, with paths relative to the module; an error in a hidden
     *     test is reported without its code, which the student must not see
     */
    static String compilerMessage(String log, String module, Path copy) {
        String prefix = copy.resolve(module).toString() + "/";
        List<String> lines = new ArrayList<>();
        boolean inError = false;
        boolean hiddenMentioned = false;
        for (String line : log.split("\n")) {
            if (line.startsWith("[ERROR] " + prefix)) {
                String relative = line.substring(("[ERROR] " + prefix).length());
                inError = !relative.startsWith("src/hidden/");
                if (inError && lines.contains(relative)) {
                    inError = false; // Maven repeats each error in its closing summary
                } else if (inError) {
                    lines.add(relative);
                } else if (!hiddenMentioned) {
                    hiddenMentioned = true;
                    lines.add("a hidden test does not compile against your code: keep the skeleton's classes, "
                            + "method names and parameter types as they are");
                }
            } else if (inError && !line.startsWith("[")) {
                lines.add(line);
            } else {
                inError = false;
            }
            if (lines.size() >= 40) {
                lines.add("...");
                break;
            }
        }
        if (lines.isEmpty()) {
            lines.add("the module did not build; the compiler gave no message that names one of its files");
        }
        return String.join("\n", lines);
    }

    /** @return the size of what the tests printed, which Surefire kept in {@code *-output.txt} files */
    private static long printedBytes(Path copy, List<String> modules) throws IOException {
        long total = 0;
        for (String module : modules) {
            Path reports = copy.resolve(module).resolve("target/surefire-reports");
            if (Files.isDirectory(reports, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (var files = Files.list(reports)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().endsWith("-output.txt")).toList()) {
                        total += Files.size(f);
                    }
                }
            }
        }
        return total;
    }

    private static void copyJUnitReports(Path copy, List<String> modules, Path into) throws IOException {
        for (String module : modules) {
            Path reports = copy.resolve(module).resolve("target/surefire-reports");
            if (!Files.isDirectory(reports, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path target = into.resolve(module);
            Files.createDirectories(target);
            try (var files = Files.list(reports)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("TEST-")
                        && f.getFileName().toString().endsWith(".xml")
                        && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                    if (Files.size(f) <= RunEvidence.MAX_XML_FILE) {
                        Files.copy(f, target.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
