package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.testsupport.ModuleScore;
import workbook.testsupport.TestRecord;

/**
 * Grades one submission: overlays its sources on fresh copies of the instructor edition, compiles, runs
 * every visible and hidden test in a sandbox under a time limit, ends every process the run left behind,
 * and scores the results against the {@link Baseline}.
 *
 * <p>The steps, and why:
 * <ol>
 *   <li>Make two copies of the pristine edition: one without the hidden tests (the <em>visible copy</em>)
 *       and one with them (the <em>graded copy</em>). Put only the student's {@code src/main/java} files
 *       over both ({@link Overlay}).</li>
 *   <li>Compile both ({@code test-compile}), at the same time. No student code runs yet; a module that does not compile
 *       scores zero with the compiler's message, and the others go on.</li>
 *   <li>Fingerprint both copies ({@link Tripwire}), then run the visible tests in the visible copy and the
 *       hidden tests in the graded copy, each test JVM in the {@link Sandbox}. What a student reads comes
 *       only from the visible copy's run, which has no hidden test on its disk: student code cannot carry
 *       the hidden suite into its own failure messages. The hidden run is only counted. The two runs go on
 *       at the same time, each with its own mark, and each module's classes in several test JVMs at once
 *       ({@link #testJvms}): the tests mostly wait for child processes.</li>
 *   <li>If a test JVM died (a {@code System.exit}, a crash), run the classes without results again,
 *       each in a JVM of its own, so one exercise's crash does not cost the others their points.</li>
 *   <li>Kill every process that carries the run's mark ({@link MarkedProcesses}): with the sandbox none is
 *       left (its PID namespace ends with the test JVM); without it, orphans are found this way.</li>
 *   <li>Check the fingerprints, read the results of the expected tests only ({@link RunEvidence}).</li>
 * </ol>
 * The test runs use Maven's lifecycle ({@code test}), so that the kit's modules come from this build's
 * reactor, never from a local repository that a fresh machine does not have.
 */
final class Grader {

    private static final String KIT_TESTS = "!workbook/process/**,!workbook/testsupport/**";
    private static final String HIDDEN_TESTS = "**/*HiddenTest";
    private static final Pattern FAILED_PROJECT = Pattern.compile(
            "^\\[ERROR\\] Failed to execute goal org\\.apache\\.maven\\.plugins:maven-compiler-plugin:.* on project ([\\w.-]+):");

    private final Edition edition;
    private final Baseline baseline;
    private final Duration timeLimit;
    private final Sandbox sandbox;
    private final int testJvms;

    /**
     * @param testJvms how many test JVMs a test run may use at once for a module's classes (Surefire's
     *     {@code forkCount}; see {@link #testJvms(int, int)})
     */
    Grader(Edition edition, Baseline baseline, Duration timeLimit, Sandbox sandbox, int testJvms) {
        this.edition = edition;
        this.baseline = baseline;
        this.timeLimit = timeLimit;
        this.sandbox = sandbox;
        this.testJvms = testJvms;
    }

    /**
     * The tests mostly wait for child processes, so a machine keeps two test JVMs per core busy, as the
     * reference build does ({@code -Psolutions}). They are shared by the submissions graded at once and, in
     * each, by its two test runs, which go on at the same time: one test JVM per core for each run of each
     * submission. (Measured on 2 cores: one submission graded in 89 s with two test JVMs per run, 88 s with
     * four, at a third of the load.)
     *
     * @param cores the machine's cores
     * @param submissionsAtOnce how many submissions are graded at the same time
     * @return how many test JVMs one test run may use at once, at least one
     */
    static int testJvms(int cores, int submissionsAtOnce) {
        return Math.max(1, cores / Math.max(1, submissionsAtOnce));
    }

    /** Which tests a run covers. */
    enum Tests {
        /** every test of the build (the baseline's run of the pristine edition) */
        ALL,
        /** the visible tests: the run of the copy without hidden tests */
        VISIBLE,
        /** the hidden tests only: the run of the graded copy */
        HIDDEN
    }

    /**
     * Maven's arguments for a test run of the given modules (and the kit they need, whose own tests are skipped).
     *
     * @param tests which tests: the visible run is the student build ({@code test}), the others add the
     *     hidden tests ({@code -Pgrading test})
     * @param onlyClasses run only these classes, each in a JVM of its own (the second pass), or all
     * @param launcher the launcher for test JVMs ({@link Sandbox#launcher}), or null
     * @param testJvms how many test JVMs run a module's classes at once
     */
    static List<String> testArguments(Tests tests, List<String> modules, List<String> onlyClasses, Path launcher, int testJvms) {
        List<String> args = new ArrayList<>();
        if (tests != Tests.VISIBLE) {
            args.add("-Pgrading");
        }
        args.add("test");
        args.add("-Dmaven.test.failure.ignore=true");
        // Surefire's user property is enableOutErrElements (no "surefire." prefix): without it, what a passing
        // test printed is copied into its XML report, and a report of many megabytes proves nothing.
        args.add("-DenableOutErrElements=false");
        args.add("-DenablePropertiesElement=false");
        args.add("-Dworkbook.scoreboard.skip=true");
        args.add("-Dsurefire.printSummary=true");
        args.add("-Dmaven.test.redirectTestOutputToFile=true");
        args.add("-Dsurefire.failIfNoSpecifiedTests=false");
        args.add("-DforkCount=" + testJvms);
        if (launcher != null) {
            args.add("-Djvm=" + launcher);
        }
        if (!onlyClasses.isEmpty()) {
            args.add("-Dtest=" + String.join(",", onlyClasses.stream().map(c -> c.replace('.', '/')).toList()));
            args.add("-DreuseForks=false");
        } else if (tests == Tests.HIDDEN) {
            args.add("-Dtest=" + HIDDEN_TESTS);
        } else {
            args.add("-Dtest=" + KIT_TESTS);
        }
        args.addAll(List.of("-pl", String.join(",", modules), "-am"));
        return args;
    }

    /**
     * @param submission the student's checkout
     * @param work a folder of this grading's own (the copies and the build logs go there)
     */
    SubmissionResult grade(String name, Path submission, Path work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> modules = new ArrayList<>(baseline.modules().keySet());
        List<String> notes = new ArrayList<>();
        if (sandbox.level() == Sandbox.Level.NONE) {
            notes.add("grading ran without a sandbox: " + sandbox.warning());
        }
        Path visible = edition.copyTo(work.resolve("visible"), false);
        Path graded = edition.copyTo(work.resolve("graded"), true);
        Path root = Overlay.submissionRoot(submission).orElse(null);
        if (root == null) {
            notes.add("the submission has no module-*/src/main/java folder: nothing of it was graded (the skeleton was)");
        } else {
            for (String module : modules) {
                notes.addAll(Overlay.apply(root, graded, module));
                Overlay.apply(root, visible, module);
            }
        }
        MarkedProcesses mark = MarkedProcesses.fresh();
        List<String> compileArgs = List.of("test-compile", "-Dworkbook.scoreboard.skip=true", "-pl", String.join(",", modules), "-am");
        List<String> gradingArgs = new ArrayList<>(List.of("-Pgrading"));
        gradingArgs.addAll(compileArgs);
        List<MavenRun> compiles;
        try {
            compiles = both(
                    () -> MavenRun.run(visible, mark, Duration.ofMinutes(10), work.resolve("compile-visible.log"), compileArgs),
                    () -> MavenRun.run(graded, mark, Duration.ofMinutes(10), work.resolve("compile.log"), gradingArgs));
        } finally {
            mark.killAll(20);
        }
        MavenRun compileVisible = compiles.get(0);
        MavenRun compileGraded = compiles.get(1);
        if (compileVisible.timedOut() || compileGraded.timedOut()) {
            throw new IllegalStateException("compiling took longer than 10 minutes; see " + compileGraded.log());
        }
        String visibleLog = compileVisible.text();
        String gradedLog = compileGraded.text();
        List<String> failedVisible = failedProjects(visibleLog, modules);
        List<String> failedGraded = failedProjects(gradedLog, modules);
        for (MavenRun compile : List.of(compileVisible, compileGraded)) {
            if (compile.exitCode() != 0 && failedProjects(compile.text(), modules).isEmpty()) {
                throw new IllegalStateException("the build failed before any module was tested (exit " + compile.exitCode()
                        + "); see " + compile.log());
            }
        }
        List<String> compiled = new ArrayList<>();
        for (String module : modules) {
            if (!failedVisible.contains(module) && !failedGraded.contains(module)) {
                compiled.add(module);
            }
        }

        int uid = Sandbox.nextUid();
        Path repository = Sandbox.localRepository();
        Path visibleLauncher = sandbox.launcher(visible, repository, uid);
        Path gradedLauncher = sandbox.launcher(graded, repository, uid);
        if (sandbox.level() == Sandbox.Level.BWRAP && !compiled.isEmpty()) {
            for (Path copy : List.of(visible, graded)) {
                sandbox.prepare(copy.resolve(compiled.get(0)), uid);
                sandbox.check(copy.resolve(".grading/bin/java"), copy.resolve(compiled.get(0)), repository);
            }
        }
        Tripwire visibleTripwire = Tripwire.arm(visible);
        Tripwire gradedTripwire = Tripwire.arm(graded);
        long deadline = System.nanoTime() + timeLimit.toNanos();
        List<TestRun> runs = compiled.isEmpty() ? List.of() : both(
                () -> testRun(Tests.VISIBLE, visible, visibleLauncher, visibleTripwire, compiled, uid, deadline, work),
                () -> testRun(Tests.HIDDEN, graded, gradedLauncher, gradedTripwire, compiled, uid, deadline, work));
        ConsoleSummary visibleConsole = runs.isEmpty() ? new ConsoleSummary() : runs.get(0).console();
        ConsoleSummary gradedConsole = runs.isEmpty() ? new ConsoleSummary() : runs.get(1).console();
        boolean timedOut = runs.stream().anyMatch(TestRun::timedOut);
        int leftovers = runs.stream().mapToInt(TestRun::leftovers).sum();
        runs.forEach(run -> notes.addAll(run.notes()));
        if (timedOut) {
            notes.add("the tests did not finish within the time limit of " + timeLimit.toSeconds()
                    + " s; tests without a result count as failed");
        }
        if (leftovers > 0) {
            notes.add(leftovers + " process(es) started during the tests were still running afterwards and were killed");
        }
        List<String> tampering = new ArrayList<>(visibleTripwire.changes(10));
        tampering.addAll(gradedTripwire.changes(10));
        if (!tampering.isEmpty()) {
            notes.add("the submission's code changed files of the grader while the tests ran; the score is withheld (0). "
                    + "Ask your instructor.");
        }

        List<SubmissionResult.ModuleResult> results = new ArrayList<>();
        for (String module : modules) {
            Baseline.ModuleBaseline expected = baseline.modules().get(module);
            boolean built = compiled.contains(module);
            String compileError = built ? ""
                    : failedVisible.contains(module) ? compilerMessage(visibleLog, module, visible)
                    : compilerMessage(gradedLog, module, graded);
            RunEvidence visibleEvidence = built ? RunEvidence.read(visible.resolve(module), visibleConsole) : null;
            RunEvidence hiddenEvidence = built ? RunEvidence.read(graded.resolve(module), gradedConsole) : null;
            List<TestRecord> judged = new ArrayList<>();
            for (ExpectedTest test : expected.tests()) {
                judged.add(!built
                        ? new TestRecord(test.exercise(), test.testClass(), test.method(), test.hidden(),
                                TestRecord.Status.FAILED, "the module does not compile")
                        : (test.hidden() ? hiddenEvidence : visibleEvidence).judge(test));
            }
            results.add(new SubmissionResult.ModuleResult(ModuleScore.of(expected.catalog(), judged), compileError));
        }
        copyJUnitReports(visible, compiled, work.resolve("junit"));
        copyJUnitReports(graded, compiled, work.resolve("junit"));
        long printed = (printedBytes(visible, compiled) + printedBytes(graded, compiled)) / (1024 * 1024);
        if (printed >= 10) {
            notes.add("the tests printed " + printed + " MB; it was kept out of the reports");
        }
        Edition.deleteTree(visible);
        Edition.deleteTree(graded);
        return new SubmissionResult(name, results, notes, tampering, leftovers, timedOut, printed,
                Duration.ofNanos(System.nanoTime() - start), sandbox.level());
    }

    /** What one test run left: Maven's console lines, whether it hit the time limit, the processes it left, its notes. */
    private record TestRun(ConsoleSummary console, boolean timedOut, int leftovers, List<String> notes) {
    }

    /**
     * Runs one copy's tests (the visible copy's visible tests, or the graded copy's hidden tests), then, if a
     * test JVM died, the classes left without results, each in a JVM of its own. The two runs are independent
     * (their own copy, mark and tripwire; in the sandbox each test JVM sees only its own copy) and mostly wait
     * on child processes, so {@link #grade} runs them at the same time.
     */
    private TestRun testRun(Tests tests, Path copy, Path launcher, Tripwire tripwire, List<String> compiled, int uid,
            long deadline, Path work) throws IOException, InterruptedException {
        boolean hidden = tests == Tests.HIDDEN;
        String label = hidden ? "test-hidden" : "test-visible";
        ConsoleSummary console = new ConsoleSummary();
        List<String> notes = new ArrayList<>();
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.toSeconds() < 5) {
            return new TestRun(console, true, 0, notes);
        }
        for (String module : compiled) {
            sandbox.prepare(copy.resolve(module), uid);
        }
        MarkedProcesses mark = MarkedProcesses.fresh();
        boolean timedOut;
        int leftovers = 0;
        try {
            MavenRun run = MavenRun.run(sandbox.mavenPrefix(), copy, mark, left, work.resolve(label + ".log"),
                    withOffline(testArguments(tests, compiled, List.of(), launcher, testJvms)));
            timedOut = run.timedOut();
            leftovers += mark.killAll(20);
            String log = run.text();
            if (run.exitCode() != 0 && !run.timedOut() && !log.contains("Tests run:") && !log.contains("forked VM")
                    && !log.contains("forked process")) {
                throw new IllegalStateException("the test run failed before any test ran (exit " + run.exitCode()
                        + "); see " + run.log() + " (keep it with GRADE_KEEP_WORK=1)");
            }
            console.add(log);
            List<String> rerun = classesWithoutResults(copy, compiled, console, hidden);
            left = Duration.ofNanos(deadline - System.nanoTime());
            if (!rerun.isEmpty() && !run.timedOut() && left.toSeconds() >= 30 && tripwire.changes(1).isEmpty()) {
                notes.add("a test JVM stopped early; " + rerun.size() + " test class(es) were run again, each in a JVM of its own");
                MavenRun again = MavenRun.run(sandbox.mavenPrefix(), copy, mark, left, work.resolve(label + "-rerun.log"),
                        withOffline(testArguments(tests, compiled, rerun, launcher, testJvms)));
                timedOut |= again.timedOut();
                console.add(again.text());
            }
        } finally {
            leftovers += mark.killAll(20); // what the last run left, or any run that ended in an exception
        }
        return new TestRun(console, timedOut, leftovers, notes);
    }

    /** A step of a grading that throws what the grading throws. */
    interface Step<T> {
        T run() throws IOException, InterruptedException;
    }

    /**
     * Runs two independent steps at the same time and waits for both, even when one fails, so that no step is
     * left running behind a grading that has ended. An interrupt of the calling thread reaches both steps (a
     * {@link MavenRun} then kills its build) and comes out as {@link InterruptedException} once both have ended.
     *
     * @return the two results, in the order of the steps
     */
    static <T> List<T> both(Step<T> first, Step<T> second) throws IOException, InterruptedException {
        CompletableFuture<T> other = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                other.complete(second.run());
            } catch (Throwable failure) {
                other.completeExceptionally(failure);
            }
        }, "grading-step");
        thread.start();
        T one;
        try {
            one = first.run();
        } catch (InterruptedException e) {
            thread.interrupt();
            throw e;
        } finally {
            joinPassingOnInterrupts(thread);
        }
        try {
            return List.of(one, other.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for the thread to end; an interrupt meanwhile is passed on to it, and kept for the caller to see. */
    private static void joinPassingOnInterrupts(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Inside the sandbox's network namespace nothing can be downloaded: the compile steps fetched it all. */
    private List<String> withOffline(List<String> args) {
        if (sandbox.level() == Sandbox.Level.NONE || args.contains("-o")) {
            return args;
        }
        List<String> offline = new ArrayList<>(args);
        offline.add("-o");
        return offline;
    }

    /** @return the top-level classes, visible or hidden, of expected tests that have no result in {@code copy} */
    private List<String> classesWithoutResults(Path copy, List<String> compiled, ConsoleSummary console, boolean hidden) {
        Set<String> classes = new LinkedHashSet<>();
        for (String module : compiled) {
            RunEvidence evidence = RunEvidence.read(copy.resolve(module), console);
            for (ExpectedTest test : baseline.modules().get(module).tests()) {
                if (test.hidden() == hidden && evidence.judge(test).status() == TestRecord.Status.MISSING) {
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
